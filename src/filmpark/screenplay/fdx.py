"""Final Draft ``.fdx``: read a script into the model and write the model back out.

An FDX file is XML: ``<FinalDraft>`` holds ``<Content>`` (one ``<Paragraph Type="...">`` per
screenplay element, each with styled ``<Text>`` runs), a ``<TitlePage>``, ``<TagData>`` (the
breakdown tags a production drew on the script), ``<Revisions>`` and many settings sections
(``ElementSettings``, ``SmartType``, ``MoresAndContinueds``, ``PageLayout``...).

What the model keeps, and the writer puts back:

* every paragraph as an :class:`~filmpark.screenplay.model.Element`: its kind, its text (bold,
  italic and underline runs become Fountain marks), its styled runs with their ``RevisionID``
  and ``TagNumber``, the scene number (``Number``), dual dialogue (both columns), script notes,
  page breaks (``StartsNewPage``) and the paragraph's own formatting attributes;
* a scene's ``SceneProperties``: its ``Length`` (``"1 2/8"`` is ten eighths) and ``Page``
  become the scene's eighths and page, its ``Title`` is kept, its ``Summary`` is the synopsis;
* the title page as Fountain-style key/value pairs (and the original XML, written back
  unchanged while those pairs still describe it);
* ``TagData`` as :class:`~filmpark.screenplay.model.Tag` s (and its original XML, likewise);
* every other top-level section verbatim, so a round trip loses nothing we read.

The XML is read with expat directly (for the line of each paragraph, which diagnostics
name), with document type declarations and entities refused: an FDX never needs them and
they are how XML bombs and external-entity attacks get in.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from xml.parsers import expat

from filmpark.errors import ScreenplayError, ValidationError
from filmpark.screenplay.assemble import build_script, split_cue
from filmpark.screenplay.model import (
    Diagnostic,
    DualSide,
    Element,
    ElementKind,
    Scene,
    Script,
    Tag,
    TextRun,
)
from filmpark.text import Text, t
from filmpark.units import Eighths

__all__ = ["read_fdx", "title_page_from_paragraphs", "write_fdx"]

# Paragraph types of Final Draft and the element kind each one is.
_KIND_OF_TYPE: dict[str, ElementKind] = {
    "Scene Heading": ElementKind.SCENE_HEADING,
    "Action": ElementKind.ACTION,
    "Character": ElementKind.CHARACTER,
    "Parenthetical": ElementKind.PARENTHETICAL,
    "Dialogue": ElementKind.DIALOGUE,
    "Transition": ElementKind.TRANSITION,
    "Shot": ElementKind.SHOT,
    "General": ElementKind.ACTION,
    "Cast List": ElementKind.ACTION,
    "Lyrics": ElementKind.LYRICS,
    "New Act": ElementKind.CENTERED,
    "End of Act": ElementKind.CENTERED,
    "Cold Opening": ElementKind.CENTERED,
    "Teaser": ElementKind.CENTERED,
    "Outline Body": ElementKind.SYNOPSIS,
}
# The type the writer gives each kind (types not listed here are kept in the element).
_TYPE_OF_KIND: dict[ElementKind, str] = {
    ElementKind.SCENE_HEADING: "Scene Heading",
    ElementKind.ACTION: "Action",
    ElementKind.CHARACTER: "Character",
    ElementKind.PARENTHETICAL: "Parenthetical",
    ElementKind.DIALOGUE: "Dialogue",
    ElementKind.TRANSITION: "Transition",
    ElementKind.SHOT: "Shot",
    ElementKind.LYRICS: "Lyrics",
    ElementKind.CENTERED: "Action",
    ElementKind.SYNOPSIS: "Outline Body",
}
_OUTLINE_RE = re.compile(r"^Outline\s*(\d+)$")
_DEFAULT_TYPE = "General"  # what Final Draft assumes for a paragraph without a Type

# Element attributes the reader stores (and the writer reads back).
_ATTR_TYPE = "fdx:type"  # the paragraph's Type where the kind alone does not say it
_ATTR_PARA = "fdx:@"  # prefix of the paragraph's own XML attributes (Alignment, indents...)
_ATTR_SCENE_TITLE = "fdx:scene-title"
_ATTR_NOTE = "fdx:note"  # on a NOTE: "anchored" when it was a ScriptNote of the paragraph before
_ATTR_NOTE_XML = "fdx:note@"  # prefix of the ScriptNote's XML attributes
# Script attributes: a verbatim top-level section, and the original TitlePage / TagData.
_ATTR_SECTION = "fdx:xml"
_ATTR_TITLE_XML = "fdx:title-page-xml"
_ATTR_TAGS_XML = "fdx:tag-data-xml"

_HANDLED_SECTIONS = frozenset({"Content", "TitlePage", "TagData"})
_INVALID_XML_CHARS_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._\-]+)["']""")


# --- a small XML tree with line numbers, built by expat ------------------------------------


@dataclass(slots=True)
class _Node:
    tag: str
    attrs: dict[str, str]
    line: int
    column: int
    text: str = ""
    tail: str = ""
    children: list[_Node] = field(default_factory=list)

    def find(self, tag: str) -> _Node | None:
        return next((c for c in self.children if c.tag == tag), None)

    def findall(self, tag: str) -> Iterator[_Node]:
        return (c for c in self.children if c.tag == tag)


class _Refused(Exception):
    """A construct we do not accept in an FDX (a DTD, an entity declaration)."""

    def __init__(self, cause: Text) -> None:
        super().__init__(cause)
        self.cause = cause


def _parse_xml(data: bytes, source: str) -> _Node:
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[_Node] = []
    root: list[_Node] = []

    def refuse(what: Text) -> None:
        raise _Refused(
            t(
                "fdx.refused",
                what=what,
                line=parser.CurrentLineNumber,
                column=parser.CurrentColumnNumber + 1,
            )
        )

    def start(tag: str, attrs: dict[str, str]) -> None:
        node = _Node(tag, attrs, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)
        if stack:
            stack[-1].children.append(node)
        else:
            root.append(node)
        stack.append(node)

    def end(_tag: str) -> None:
        stack.pop()

    def chars(text: str) -> None:
        if not stack:
            return
        top = stack[-1]
        if top.children:
            top.children[-1].tail += text
        else:
            top.text += text

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.StartDoctypeDeclHandler = lambda *_: refuse(t("fdx.dtd"))
    parser.EntityDeclHandler = lambda *_: refuse(t("fdx.entity"))
    parser.ExternalEntityRefHandler = lambda *_: refuse(t("fdx.external_entity"))  # type: ignore[assignment]
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except _Refused as refused:
        raise ScreenplayError(source, refused.cause) from None
    except expat.ExpatError as error:
        raise ScreenplayError(source, _xml_error_cause(data, error)) from None
    except (ValueError, LookupError) as error:  # an encoding Python cannot decode
        raise ScreenplayError(source, t("fdx.unreadable_xml", error=str(error))) from None
    if not root:
        raise ScreenplayError(source, t("fdx.no_root"))
    return root[0]


def _xml_error_cause(data: bytes, error: expat.ExpatError) -> Text:
    where = t("fdx.where", line=error.lineno, column=error.offset + 1)
    code = error.code
    if code == expat.errors.codes[expat.errors.XML_ERROR_NO_ELEMENTS]:
        if b"<" not in data:
            return t("fdx.no_element")
        return t("fdx.truncated_xml", where=where)
    if code == expat.errors.codes[expat.errors.XML_ERROR_UNCLOSED_TOKEN]:
        return t("fdx.truncated_tag", where=where)
    if code == expat.errors.codes[expat.errors.XML_ERROR_PARTIAL_CHAR]:
        return t("fdx.truncated_character", where=where)
    declared = _ENCODING_RE.match(data)
    encoding = declared.group(1).decode("ascii") if declared else "UTF-8"
    if code == expat.errors.codes[expat.errors.XML_ERROR_INVALID_TOKEN]:
        try:
            data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            return t("fdx.wrong_encoding", encoding=encoding, where=where)
    message = expat.errors.messages.get(code, str(error))
    return t("fdx.not_well_formed", message=message, where=where)


def _serialize(node: _Node) -> str:
    parts: list[str] = []
    _write_node(node, parts)
    return "".join(parts)


def _write_node(node: _Node, parts: list[str]) -> None:
    attrs = "".join(f' {k}="{_escape_attr(v)}"' for k, v in node.attrs.items())
    if not node.text and not node.children:
        parts.append(f"<{node.tag}{attrs}/>")
    else:
        parts.append(f"<{node.tag}{attrs}>{_escape_text(node.text)}")
        for child in node.children:
            _write_node(child, parts)
            parts.append(_escape_text(child.tail))
        parts.append(f"</{node.tag}>")


def _escape_text(text: str) -> str:
    text = _INVALID_XML_CHARS_RE.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attr(text: str) -> str:
    return (
        _escape_text(text)
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
        .replace("\t", "&#9;")
    )


# --- reading -------------------------------------------------------------------------------


@dataclass(slots=True)
class _SceneFacts:
    line: int
    length: str | None
    page: str | None


@dataclass(slots=True)
class _Reader:
    source: str
    custom_kinds: dict[str, ElementKind]
    elements: list[Element] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    scene_facts: list[_SceneFacts] = field(default_factory=list)
    page_break_pending: bool = False
    known_tags: frozenset[str] = frozenset()

    def note(self, line: int, message: Text) -> None:
        self.diagnostics.append(Diagnostic(self.source, line, message))

    def paragraph(self, node: _Node, dual: list[DualSide] | None = None) -> None:
        if node.attrs.get("StartsNewPage", "No") == "Yes" and self.elements:
            self.page_break_pending = True
        wrapper = node.find("DualDialogue")
        if wrapper is not None:
            sides: list[DualSide] = []
            for inner in wrapper.findall("Paragraph"):
                self.paragraph(inner, sides)
            if sides.count(DualSide.LEFT) != 1 or DualSide.RIGHT not in sides:
                self.note(node.line, t("fdx.dual_without_speakers"))
            return
        type_name = node.attrs.get("Type", _DEFAULT_TYPE)
        kind, depth = self._kind(type_name, node)
        runs = tuple(self._runs(node))
        plain = "".join(r.text for r in runs)
        notes = list(node.findall("ScriptNote"))
        summary = _summary_text(node) if kind is ElementKind.SCENE_HEADING else ""

        if not plain.strip() and kind is not ElementKind.SECTION:
            # An empty paragraph prints nothing; it may still carry notes.
            for script_note in notes:
                self._note_element(script_note, anchored=False)
            return
        self._page_break(node.line)
        side: DualSide | None = None
        if dual is not None:
            if kind is ElementKind.CHARACTER:
                dual.append(DualSide.LEFT if not dual else DualSide.RIGHT)
            side = dual[-1] if dual else DualSide.LEFT
        attributes: list[tuple[str, str]] = []
        canonical_type = _TYPE_OF_KIND.get(kind)
        if kind is ElementKind.SECTION or type_name != canonical_type:
            attributes.append((_ATTR_TYPE, type_name))
        attributes.extend(
            (_ATTR_PARA + key, value)
            for key, value in node.attrs.items()
            if key not in ("Type", "Number", "StartsNewPage")
        )
        if kind is ElementKind.ACTION and node.attrs.get("Alignment") == "Center":
            kind = ElementKind.CENTERED
        text = _marked_text(runs) if kind in _MARKED_KINDS else plain
        text = unicodedata.normalize("NFC", text).strip("\n")
        revision = next((r.revision_id for r in runs if r.revision_id), None)
        tags = tuple(dict.fromkeys(r.tag_number for r in runs if r.tag_number))
        for tag in tags:
            if tag not in self.known_tags:
                self.note(node.line, t("fdx.unknown_tag_number", tag=tag))
        name: str | None = None
        extension: str | None = None
        if kind is ElementKind.CHARACTER:
            name, extension = split_cue(text)
            name = name.upper()
        number = node.attrs.get("Number", "").strip() or None
        if kind is ElementKind.SCENE_HEADING:
            properties = node.find("SceneProperties")
            title = properties.attrs.get("Title", "") if properties is not None else ""
            if title:
                attributes.append((_ATTR_SCENE_TITLE, title))
            self.scene_facts.append(
                _SceneFacts(
                    node.line,
                    properties.attrs.get("Length") if properties is not None else None,
                    properties.attrs.get("Page") if properties is not None else None,
                )
            )
        elif number is not None:
            attributes.append((_ATTR_PARA + "Number", number))
            number = None
        self.elements.append(
            Element(
                kind=kind,
                text=text,
                line=node.line,
                name=name,
                extension=extension,
                dual=side,
                depth=depth,
                scene_number=number,
                revision=revision,
                runs=runs,
                tags=tags,
                attributes=tuple(attributes),
            )
        )
        if summary:
            self.elements.append(Element(ElementKind.SYNOPSIS, summary, line=node.line))
        for script_note in notes:
            self._note_element(script_note, anchored=True)

    def _page_break(self, line: int) -> None:
        if self.page_break_pending:
            self.page_break_pending = False
            self.elements.append(Element(ElementKind.PAGE_BREAK, "", line=line))

    def _kind(self, type_name: str, node: _Node) -> tuple[ElementKind, int]:
        outline = _OUTLINE_RE.match(type_name)
        if outline is not None:
            return ElementKind.SECTION, max(1, int(outline.group(1)))
        kind = _KIND_OF_TYPE.get(type_name) or self.custom_kinds.get(type_name)
        if kind is None:
            self.note(node.line, t("fdx.unknown_paragraph", type=repr(type_name)))
            kind = ElementKind.ACTION
        return kind, 0

    def _runs(self, node: _Node) -> Iterator[TextRun]:
        for text_node in node.findall("Text"):
            revision = text_node.attrs.get("RevisionID", "")
            yield TextRun(
                text=text_node.text,
                style=text_node.attrs.get("Style", ""),
                revision_id="" if revision in ("", "0") else revision,
                tag_number=text_node.attrs.get("TagNumber", ""),
            )

    def _note_element(self, node: _Node, *, anchored: bool) -> None:
        text = "\n".join(
            "".join(t.text for t in p.findall("Text")) for p in node.findall("Paragraph")
        )
        attributes = [(_ATTR_NOTE, "anchored" if anchored else "free")]
        attributes.extend((_ATTR_NOTE_XML + k, v) for k, v in node.attrs.items())
        self.elements.append(
            Element(
                ElementKind.NOTE,
                unicodedata.normalize("NFC", text).strip(),
                line=node.line,
                attributes=tuple(attributes),
            )
        )


_MARKED_KINDS = frozenset(
    {
        ElementKind.ACTION,
        ElementKind.DIALOGUE,
        ElementKind.PARENTHETICAL,
        ElementKind.LYRICS,
        ElementKind.CENTERED,
        ElementKind.SHOT,
    }
)


def _summary_text(node: _Node) -> str:
    properties = node.find("SceneProperties")
    summary = properties.find("Summary") if properties is not None else None
    if summary is None:
        return ""
    text = "\n".join(
        "".join(t.text for t in p.findall("Text")) for p in summary.findall("Paragraph")
    )
    return unicodedata.normalize("NFC", text).strip()


def _style_marks(style: str) -> tuple[str, ...]:
    """The Fountain marks of an FDX run style, in opening order: ``**`` ``*`` ``_``."""
    parts = {p.strip().lower() for p in style.split("+")}
    names = (("bold", "**"), ("italic", "*"), ("underline", "_"))
    return tuple(mark for name, mark in names if name in parts)


_LITERAL_MARK_RE = re.compile(r"([*_])")


def _marked_text(runs: Sequence[TextRun]) -> str:
    """The runs' text with bold/italic/underline written as Fountain marks.

    Marks open and close where the style changes (not around every run), so two styled runs
    side by side cannot run their marks together into another mark; spaces at a run's edges
    stay outside the marks.
    """
    out: list[str] = []
    open_marks: list[str] = []
    pending = ""  # trailing spaces of the run before, written once the next marks are known
    for run in runs:
        # A literal star or underscore is escaped, as Fountain writes it.
        body = _LITERAL_MARK_RE.sub(r"\\\1", run.text)
        core = body.strip()
        if not core:
            pending += body
            continue
        wanted = _style_marks(run.style) if run.style else ()
        while any(mark not in wanted for mark in open_marks):
            out.append(open_marks.pop())
        out.append(pending + body[: len(body) - len(body.lstrip())])
        for mark in wanted:
            if mark not in open_marks:
                out.append(mark)
                open_marks.append(mark)
        out.append(core)
        pending = body[len(body.rstrip()) :]
    out.extend(reversed(open_marks))
    out.append(pending)
    return "".join(out)


def _custom_kinds(root: _Node) -> dict[str, ElementKind]:
    """Custom paragraph types a document defines, by what they paginate as."""
    kinds: dict[str, ElementKind] = {}
    for settings in root.findall("ElementSettings"):
        name = settings.attrs.get("Type", "")
        behavior = settings.find("Behavior")
        paginate_as = behavior.attrs.get("PaginateAs", "") if behavior is not None else ""
        if name and name not in _KIND_OF_TYPE and paginate_as in _KIND_OF_TYPE:
            kinds[name] = _KIND_OF_TYPE[paginate_as]
    return kinds


def _read_tags(root: _Node, reader: _Reader) -> tuple[Tag, ...]:
    data = root.find("TagData")
    if data is None:
        return ()
    categories: dict[str, str] = {}
    holder = data.find("TagCategories")
    for category in holder.findall("TagCategory") if holder is not None else ():
        categories[category.attrs.get("Id", "")] = category.attrs.get("Name", "")
    definitions: dict[str, _Node] = {}
    holder = data.find("TagDefinitions")
    for definition in holder.findall("TagDefinition") if holder is not None else ():
        definitions[definition.attrs.get("Id", "")] = definition
    tags: list[Tag] = []
    holder = data.find("Tags")
    for tag in holder.findall("Tag") if holder is not None else ():
        number = tag.attrs.get("Number", "").strip()
        def_node = tag.find("DefId")
        def_id = def_node.text.strip() if def_node is not None else ""
        found = definitions.get(def_id)
        if not number or found is None:
            reader.note(tag.line, t("fdx.tag_undefined", number=number or "?"))
            continue
        category_id = found.attrs.get("CatId", "")
        if category_id not in categories:
            reader.note(tag.line, t("fdx.tag_unknown_category", number=number))
        tags.append(
            Tag(
                number=number,
                category=categories.get(category_id, ""),
                name=unicodedata.normalize("NFC", found.attrs.get("Label", "")),
                category_id=category_id,
                element_id=def_id,
            )
        )
    return tuple(tags)


_CREDIT_WORDS = (
    r"(?:(?:written|screenplay|teleplay|adapted|directed)\s*(?:&|and)?\s*(?:\w+\s+)?by"
    r"|by|kịch bản(?:\s+(?:của|bởi))?|biên kịch|tác giả|viết bởi)"
)
_CREDIT_RE = re.compile(rf"^{_CREDIT_WORDS}\s*:?$", re.IGNORECASE)
# A credit and its author on one line: "Written by Jane Doe", "Tác giả: Trần Mai".
_CREDIT_AUTHOR_RE = re.compile(rf"^({_CREDIT_WORDS})\s*:?\s+(\S.*)$", re.IGNORECASE)
_SOURCE_RE = re.compile(
    r"^(?:based on|adapted from|story by|from the|dựa trên|phỏng theo|theo truyện)\b", re.IGNORECASE
)
_COPYRIGHT_RE = re.compile(r"copyright|©|\(c\)|bản quyền", re.IGNORECASE)
_DATE_RE = re.compile(
    r"^\d{4}$|\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?\s+\d{1,2}|\b(?:draft|bản thảo|tháng)\b",
    re.IGNORECASE,
)


def title_page_from_paragraphs(
    paragraphs: Sequence[tuple[str, str]],
) -> tuple[tuple[str, str], ...]:
    """Fountain-style title page keys from (alignment, text) paragraphs of a printed title page.

    The centred block is the title, the credit (``Written by``), the authors and the source;
    the other paragraphs are the draft date, the copyright and the contact, told apart by
    their content. Used for FDX title pages and for the first page of a PDF.
    """
    pairs: list[tuple[str, str]] = []
    contact: list[str] = []
    title: list[str] = []
    stage = "title"
    for alignment, raw in paragraphs:
        text = unicodedata.normalize("NFC", raw).strip()
        if not text:
            if alignment == "center" and title and stage == "title":
                stage = "author"  # a blank line closes the title; what follows is by-line
            continue
        if alignment == "center":
            inline = _CREDIT_AUTHOR_RE.match(text) if stage != "source" else None
            if _CREDIT_RE.match(text):
                pairs.append(("Credit", text))
                stage = "author"
            elif inline is not None and not _SOURCE_RE.match(text):
                pairs.append(("Credit", inline.group(1)))
                pairs.append(("Author", inline.group(2)))
                stage = "author"
            elif _SOURCE_RE.match(text):
                pairs.append(("Source", text))
                stage = "source"
            elif stage == "title":
                title.append(text)
            elif stage == "author":
                pairs.append(("Author", text))
            else:
                pairs.append(("Source", text))
            continue
        if _COPYRIGHT_RE.search(text):
            pairs.append(("Copyright", text))
        elif _DATE_RE.search(text) and "\n" not in text:
            pairs.append(("Draft date", text))
        else:
            contact.append(text)
    if title:
        pairs.insert(0, ("Title", "\n".join(title)))
    if contact:
        pairs.append(("Contact", "\n".join(contact)))
    return tuple(pairs)


def _title_page(node: _Node | None) -> tuple[tuple[str, str], ...]:
    if node is None:
        return ()
    content = node.find("Content")
    if content is None:
        return ()
    paragraphs = [
        (p.attrs.get("Alignment", "Left").lower(), "".join(t.text for t in p.findall("Text")))
        for p in content.findall("Paragraph")
    ]
    return title_page_from_paragraphs(paragraphs)


def read_fdx(data: bytes, source: str = "<input>") -> Script:
    """Read a Final Draft document into a :class:`Script`.

    Raises :class:`~filmpark.errors.ScreenplayError` when ``data`` is not a readable FDX
    (truncated or malformed XML, a wrong encoding, another XML vocabulary, a DTD); anything
    odd but readable becomes a diagnostic.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        raise ScreenplayError(source, t("screenplay.empty_file"))
    if not data.lstrip().startswith(b"<") and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        binary = b"\x00" in data[:1024] or not _is_text(data[:1024])
        raise ScreenplayError(source, t("fdx.binary_not_xml") if binary else t("fdx.text_not_xml"))
    root = _parse_xml(_as_utf8(data, source), source)
    if root.tag != "FinalDraft":
        raise ScreenplayError(source, t("fdx.wrong_root", tag=root.tag))
    content = root.find("Content")
    if content is None:
        raise ScreenplayError(source, t("fdx.no_content"))
    reader = _Reader(source, _custom_kinds(root))
    tags = _read_tags(root, reader)
    reader.known_tags = frozenset(tag.number for tag in tags)
    for node in content.children:
        if node.tag == "Paragraph":
            reader.paragraph(node)
    attributes: list[tuple[str, str]] = []
    title_node = root.find("TitlePage")
    if title_node is not None:
        attributes.append((_ATTR_TITLE_XML, _serialize(title_node)))
    tag_node = root.find("TagData")
    if tag_node is not None:
        attributes.append((_ATTR_TAGS_XML, _serialize(tag_node)))
    attributes.extend(
        (_ATTR_SECTION, _serialize(child))
        for child in root.children
        if child.tag not in _HANDLED_SECTIONS
    )
    script = build_script(
        reader.elements,
        title_page=_title_page(title_node),
        diagnostics=reader.diagnostics,
        source=source,
        source_format="fdx",
        attributes=attributes,
    )
    script = _apply_scene_facts(script, reader)
    return replace(script, tags=tags)


_EXPAT_NATIVE = frozenset({"utf-8", "utf-16", "utf-16-le", "utf-16-be", "ascii", "latin-1"})


def _as_utf8(data: bytes, source: str) -> bytes:
    """Re-encode a file that declares another encoding (Shift_JIS, windows-1258...) as UTF-8.

    expat itself knows only UTF-8, UTF-16, ASCII and Latin-1 and single-byte code pages.
    """
    declared = _ENCODING_RE.match(data)
    if declared is None:
        return data
    name = declared.group(1).decode("ascii")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise ScreenplayError(source, t("fdx.unknown_encoding", name=repr(name))) from None
    if codec in _EXPAT_NATIVE or codec.startswith("iso8859-1"):
        return data
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        raise ScreenplayError(
            source, t("fdx.wrong_encoding_byte", name=name, byte=error.start)
        ) from None
    start, end = declared.span(1)
    return (text[:start] + "UTF-8" + text[end:]).encode("utf-8")


def _is_text(sample: bytes) -> bool:
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start > len(sample) - 4  # only a character cut at the sample's end
    return True


def _apply_scene_facts(script: Script, reader: _Reader) -> Script:
    """Take each scene's page and length from its SceneProperties where Final Draft wrote them."""
    facts = {f.line: f for f in reader.scene_facts}
    scenes = []
    notes = list(script.diagnostics)
    changed = False
    for scene in script.scenes:
        fact = facts.get(scene.line)
        if fact is None:
            scenes.append(scene)
            continue
        eighths, page = scene.eighths, scene.page
        if fact.length and fact.length.strip():
            try:
                eighths = Eighths(max(1, Eighths.parse(fact.length).value))
            except ValidationError:
                notes.append(
                    Diagnostic(
                        script.source,
                        scene.line,
                        t("fdx.unreadable_length", length=repr(fact.length)),
                    )
                )
        if fact.page and fact.page.strip():
            if fact.page.strip().isdigit() and int(fact.page) > 0:
                page = int(fact.page)
            else:
                notes.append(
                    Diagnostic(
                        script.source, scene.line, t("fdx.unreadable_page", page=repr(fact.page))
                    )
                )
        if (eighths, page) != (scene.eighths, scene.page):
            changed = True
            scene = replace(scene, eighths=eighths, page=page)
        scenes.append(scene)
    if not changed and len(notes) == len(script.diagnostics):
        return script
    notes.sort(key=lambda d: d.line)
    return replace(script, scenes=tuple(scenes), diagnostics=tuple(notes))


# --- writing -------------------------------------------------------------------------------

_EMPHASIS_RE = re.compile(r"(\\[*_])|(\*\*\*|\*\*|\*|_)")


def runs_from_marks(text: str) -> tuple[TextRun, ...]:
    """Styled runs for text with Fountain emphasis (``**bold**``, ``*italic*``, ``_under_``).

    A mark only counts when it is closed later in the same text; ``\\*`` is a literal star.
    """
    tokens: list[tuple[str, str]] = []  # ("text", s) or ("mark", m)
    position = 0
    for match in _EMPHASIS_RE.finditer(text):
        if match.start() > position:
            tokens.append(("text", text[position : match.start()]))
        if match.group(1):
            tokens.append(("text", match.group(1)[1]))
        else:
            tokens.append(("mark", match.group(2)))
        position = match.end()
    if position < len(text):
        tokens.append(("text", text[position:]))
    # A mark is live only if the same mark appears again later (its closing partner).
    live = [False] * len(tokens)
    open_at: dict[str, int] = {}
    for index, (kind, value) in enumerate(tokens):
        if kind != "mark":
            continue
        if value in open_at:
            live[open_at.pop(value)] = True
            live[index] = True
        else:
            open_at[value] = index
    bold = italic = underline = False
    runs: list[TextRun] = []
    for index, (kind, value) in enumerate(tokens):
        if kind == "mark" and live[index]:
            if value == "_":
                underline = not underline
            else:
                if len(value) >= 2:
                    bold = not bold
                if len(value) != 2:
                    italic = not italic
            continue
        style = "+".join(
            name
            for name, on in (("Bold", bold), ("Italic", italic), ("Underline", underline))
            if on
        )
        if runs and runs[-1].style == style:
            runs[-1] = TextRun(runs[-1].text + value, style)
        else:
            runs.append(TextRun(value, style))
    return tuple(r for r in runs if r.text) or (TextRun(""),)


def _element_runs(element: Element, kind: ElementKind) -> tuple[TextRun, ...]:
    """The runs to write: the ones read from FDX while they still spell the text, else new."""
    if not element.text and not element.runs:
        return ()
    if element.runs:
        plain = "".join(r.text for r in element.runs)
        rebuilt = _marked_text(element.runs) if kind in _MARKED_KINDS else plain
        if unicodedata.normalize("NFC", rebuilt).strip("\n") == element.text:
            return element.runs
    runs = runs_from_marks(element.text) if kind in _MARKED_KINDS else (TextRun(element.text),)
    if element.revision:
        runs = tuple(replace(r, revision_id=element.revision) for r in runs)
    return runs


def _text_xml(run: TextRun) -> str:
    attrs = ""
    if run.revision_id:
        attrs += f' RevisionID="{_escape_attr(run.revision_id)}"'
    if run.style:
        attrs += f' Style="{_escape_attr(run.style)}"'
    if run.tag_number:
        attrs += f' TagNumber="{_escape_attr(run.tag_number)}"'
    return f"<Text{attrs}>{_escape_text(run.text)}</Text>"


def _para_attrs(element: Element, kind: ElementKind, extra: dict[str, str]) -> str:
    attrs: dict[str, str] = {}
    for key, value in element.attributes:
        if key.startswith(_ATTR_PARA):
            attrs[key[len(_ATTR_PARA) :]] = value
    type_name = dict(element.attributes).get(_ATTR_TYPE)
    if kind is ElementKind.CENTERED and type_name is None and "Alignment" not in attrs:
        attrs["Alignment"] = "Center"  # centred text is an Action set in the middle
    attrs.update(extra)
    if type_name is None:
        if kind is ElementKind.SECTION:
            type_name = f"Outline {max(1, element.depth)}"
        else:
            type_name = _TYPE_OF_KIND.get(kind, "Action")
    attrs["Type"] = type_name
    return "".join(f' {k}="{_escape_attr(v)}"' for k, v in sorted(attrs.items()))


def _note_xml(note: Element) -> str:
    attrs = "".join(
        f' {key[len(_ATTR_NOTE_XML) :]}="{_escape_attr(value)}"'
        for key, value in note.attributes
        if key.startswith(_ATTR_NOTE_XML)
    )
    paragraphs = "".join(
        f"<Paragraph><Text>{_escape_text(line)}</Text></Paragraph>"
        for line in note.text.split("\n")
    )
    return f"<ScriptNote{attrs}>{paragraphs}</ScriptNote>"


@dataclass(slots=True)
class _Writer:
    script: Script
    out: list[str] = field(default_factory=list)
    new_page: bool = False

    def write(self) -> str:
        elements = self.script.elements
        # Each scene heading opens one scene, in order.
        scenes = iter(self.script.scenes)
        index = 0
        count = len(elements)
        while index < count:
            element = elements[index]
            kind = element.kind
            if kind is ElementKind.PAGE_BREAK:
                self.new_page = True
                index += 1
                continue
            if kind is ElementKind.NOTE:
                self.out.append(self._paragraph_xml(Element(ElementKind.ACTION, ""), [element]))
                index += 1
                continue
            if element.dual is not None:
                index = self._dual(index)
                continue
            index += 1
            summary = ""
            if (
                kind is ElementKind.SCENE_HEADING
                and index < count
                and elements[index].kind is ElementKind.SYNOPSIS
                and not elements[index].runs  # a synopsis paragraph of its own stays one
            ):
                summary = elements[index].text
                index += 1
            notes: list[Element] = []
            while (
                index < count
                and elements[index].kind is ElementKind.NOTE
                and dict(elements[index].attributes).get(_ATTR_NOTE) == "anchored"
            ):
                notes.append(elements[index])
                index += 1
            scene = next(scenes, None) if kind is ElementKind.SCENE_HEADING else None
            self.out.append(self._paragraph_xml(element, notes, summary=summary, scene=scene))
        return "\n".join(self.out)

    def _dual(self, index: int) -> int:
        """One ``DualDialogue`` wrapper: the run of dual elements, left speech then right."""
        elements = self.script.elements
        inner: list[str] = []
        seen_right = seen_left_cue = False
        while index < len(elements):
            element = elements[index]
            if element.dual is None or element.kind in (ElementKind.PAGE_BREAK, ElementKind.NOTE):
                break
            left_cue = element.kind is ElementKind.CHARACTER and element.dual is DualSide.LEFT
            if (element.dual is DualSide.LEFT and seen_right) or (left_cue and seen_left_cue):
                break  # the next pair begins
            seen_right = seen_right or element.dual is DualSide.RIGHT
            seen_left_cue = seen_left_cue or left_cue
            inner.append(self._paragraph_xml(element, [], inside=True))
            index += 1
        attrs = ' StartsNewPage="Yes"' if self.new_page else ""
        self.new_page = False
        body = "\n".join("  " + p for p in inner)
        self.out.append(
            f"    <Paragraph{attrs}>\n      <DualDialogue>\n{body}\n"
            "      </DualDialogue>\n    </Paragraph>"
        )
        return index

    def _paragraph_xml(
        self,
        element: Element,
        notes: Sequence[Element],
        *,
        summary: str = "",
        scene: Scene | None = None,
        inside: bool = False,
    ) -> str:
        kind = element.kind
        extra: dict[str, str] = {}
        if self.new_page and not inside:
            extra["StartsNewPage"] = "Yes"
            self.new_page = False
        if kind is ElementKind.SCENE_HEADING and element.scene_number:
            extra["Number"] = element.scene_number
        parts: list[str] = []
        if kind is ElementKind.SCENE_HEADING:
            title = dict(element.attributes).get(_ATTR_SCENE_TITLE, "")
            props = f' Title="{_escape_attr(title)}"'
            if scene is not None:
                props = f' Length="{scene.eighths}" Page="{scene.page}"' + props
            if summary:
                parts.append(
                    f"<SceneProperties{props}><Summary><Paragraph>"
                    f"{_text_xml(TextRun(summary))}</Paragraph></Summary></SceneProperties>"
                )
            else:
                parts.append(f"<SceneProperties{props}/>")
        parts.extend(_note_xml(n) for n in notes)
        if kind is not ElementKind.NOTE:
            parts.extend(_text_xml(r) for r in _element_runs(element, kind))
        indent = "      " if inside else "    "
        return f"{indent}<Paragraph{_para_attrs(element, kind, extra)}>{''.join(parts)}</Paragraph>"


def _generated_title_page(pairs: Sequence[tuple[str, str]]) -> str:
    centred: list[str] = []
    left: list[str] = []
    for key, value in pairs:
        lowered = key.strip().lower()
        if lowered == "title":
            centred.extend(value.split("\n"))
        elif lowered in ("credit", "author", "authors", "source"):
            centred.append("")
            centred.extend(value.split("\n"))
        elif lowered == "contact":
            left.append(value)
        else:
            left.append(value)
    paragraphs: list[str] = []
    for line in centred:
        paragraphs.append(
            f'<Paragraph Alignment="Center" Type="Action">{_text_xml(TextRun(line))}</Paragraph>'
        )
    paragraphs.extend(
        '<Paragraph Alignment="Left" Type="Action"><Text></Text></Paragraph>' for _ in range(12)
    )
    for value in left:
        paragraphs.append(
            f'<Paragraph Alignment="Left" Type="Action">{_text_xml(TextRun(value))}</Paragraph>'
        )
    body = "\n".join("      " + p for p in paragraphs)
    return f"<TitlePage>\n    <Content>\n{body}\n    </Content>\n  </TitlePage>"


def _generated_tag_data(tags: Sequence[Tag]) -> str:
    categories: dict[str, str] = {}
    definitions: dict[str, tuple[str, str]] = {}
    tag_lines: list[str] = []
    for tag in tags:
        category_id = tag.category_id or f"cat-{_slug(tag.category)}"
        categories.setdefault(category_id, tag.category)
        def_id = tag.element_id or f"def-{category_id}-{_slug(tag.name)}"
        definitions.setdefault(def_id, (category_id, tag.name))
        tag_lines.append(
            f'<Tag Number="{_escape_attr(tag.number)}"><DefId>{_escape_text(def_id)}</DefId></Tag>'
        )
    cats = "".join(
        f'<TagCategory Id="{_escape_attr(cid)}" Name="{_escape_attr(name)}" Number="{n}"/>'
        for n, (cid, name) in enumerate(categories.items(), start=1)
    )
    defs = "".join(
        f'<TagDefinition CatId="{_escape_attr(cid)}" Id="{_escape_attr(did)}" '
        f'Label="{_escape_attr(label)}" Number="{n}"/>'
        for n, (did, (cid, label)) in enumerate(definitions.items(), start=1)
    )
    return (
        f"<TagData><TagCategories>{cats}</TagCategories>"
        f"<TagDefinitions>{defs}</TagDefinitions><Tags>{''.join(tag_lines)}</Tags></TagData>"
    )


def _slug(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", unicodedata.normalize("NFKD", text).lower()).strip("-") or "x"


def write_fdx(script: Script) -> str:
    """The script as a Final Draft document (``Version="5"``), UTF-8 text.

    Scene numbers, styled runs with their revision ids, breakdown tags (``TagData``), the
    title page, dual dialogue, notes, page breaks and every section read from an FDX are
    written back, so reading the result gives the same script.
    """
    attributes = script.attributes
    head = [
        '<?xml version="1.0" encoding="UTF-8" standalone="no" ?>',
        '<FinalDraft DocumentType="Script" Template="No" Version="5">',
        "  <Content>",
        _Writer(script).write(),
        "  </Content>",
    ]
    title_xml = next((v for k, v in attributes if k == _ATTR_TITLE_XML), None)
    if title_xml is not None and _title_page_of_xml(title_xml) == script.title_page:
        head.append("  " + title_xml)
    elif script.title_page:
        head.append("  " + _generated_title_page(script.title_page))
    tags_xml = next((v for k, v in attributes if k == _ATTR_TAGS_XML), None)
    if tags_xml is not None and _tags_of_xml(tags_xml) == script.tags:
        head.append("  " + tags_xml)
    elif script.tags:
        head.append("  " + _generated_tag_data(script.tags))
    head.extend("  " + value for key, value in attributes if key == _ATTR_SECTION)
    head.append("</FinalDraft>")
    return "\n".join(head) + "\n"


def _title_page_of_xml(xml: str) -> tuple[tuple[str, str], ...]:
    try:
        return _title_page(_parse_xml(xml.encode("utf-8"), "<title page>"))
    except ScreenplayError:
        return ()


def _tags_of_xml(xml: str) -> tuple[Tag, ...]:
    try:
        node = _parse_xml(xml.encode("utf-8"), "<tag data>")
    except ScreenplayError:
        return ()
    holder = _Node("FinalDraft", {}, 0, 0, children=[node])
    return _read_tags(holder, _Reader("<tag data>", {}))
