"""The REST API, version 1: thin routes over :mod:`filmpark.services`.

Each route opens one transaction (read-only where it only reads), calls a service, and
converts the result to a schema. Jobs are sent to the queue only after their row committed.
Non-members get 404 for everything of a project, its jobs included.

The reads every member makes all day (a project, its schedule, its budget) first ask
:mod:`filmpark.store.reads` for the person's role and what there is, in one statement, and
decide with the services' permission table; the schedule and budget bodies of a stored version
are built once per process and sent again with an ETag (:mod:`filmpark.api.cache`). Anything
else on those routes — a refusal, a missing version, a first read — goes through the service.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Body, File, Query, Request, Response, UploadFile, status
from fastapi import Path as PathParam
from fastapi.responses import FileResponse
from pydantic import BaseModel

from filmpark.api.cache import NOT_MODIFIED, JsonBody, send
from filmpark.api.context import ApiContext, Ctx, CurrentUser, client_ip
from filmpark.api.errors import request_language
from filmpark.api.schemas import (
    AuditOut,
    BookIn,
    BookOut,
    BudgetIn,
    BudgetOut,
    DecisionsIn,
    DecisionsOut,
    DisclosureOut,
    Health,
    JobAccepted,
    JobOut,
    LedgerOut,
    LoginIn,
    MemberIn,
    MemberOut,
    MoveIn,
    ProjectIn,
    ProjectOut,
    RegisterIn,
    RoleIn,
    ScheduleOut,
    ScheduleVersionOut,
    ScriptOut,
    TokenOut,
    UserOut,
)
from filmpark.errors import ExternalServiceError, ValidationError
from filmpark.services import (
    accounts,
    audit,
    books,
    breakdowns,
    budgets,
    jobs,
    ledger,
    projects,
    schedules,
    scripts,
)
from filmpark.services.permissions import Permission, can
from filmpark.services.projects import ProjectView
from filmpark.store.reads import VersionRef
from filmpark.store.records import Job
from filmpark.text import t

ProjectId = Annotated[str, PathParam(min_length=1, max_length=64)]
Version = Annotated[int | None, Query(ge=1, le=1_000_000)]

health_router = APIRouter()
router = APIRouter(prefix="/api/v1")

# Light reads are ``async``: they run on the event loop, sparing two thread-pool hops each
# (they never wait for a lock: SQLite readers in WAL mode and PostgreSQL readers do not block).
# Writes, uploads and the large documents (Script.1, Breakdown.1, the ledger) stay in the
# thread pool.


def _dispatch(context: ApiContext, job: Job) -> JobAccepted:
    """Send a committed job to its queue; a queue that refuses fails the job, visibly."""
    try:
        context.queue.dispatch(job.id)
    except ExternalServiceError as error:
        with context.database.transaction() as tx:
            tx.jobs.fail(job.id, error.message)
        raise
    return JobAccepted(job_id=job.id)


def _version_body(
    request: Request,
    context: ApiContext,
    permission: Permission,
    ref: VersionRef | None,
    version: int | None,
    load: Callable[[int | None], tuple[str, BaseModel]],
) -> Response:
    """Send a stored version's body, built once per process (versions never change).

    ``ref`` (the person's role and the version's id, read in one statement) decides whether
    the cached body may be sent. Anything else — a first read of this version, or a refusal
    (not a member, a role without the right, no such version) — goes through the service,
    which loads the version or raises its error.
    """
    if ref is not None and ref.id is not None and can(ref.role, permission):
        kind = permission.value
        body = context.bodies.get((kind, ref.id))
        if body is not None:
            return send(request, body)
        version = ref.version  # build exactly the version that was found
    version_id, model = load(version)
    body = JsonBody.of(model.model_dump_json().encode())
    return send(request, context.bodies.put((permission.value, version_id), body))


@health_router.get("/healthz", tags=["health"])
async def healthz(context: Ctx) -> Health:
    """The service answers, with the kind of database and job queue it uses."""
    with context.database.transaction(readonly=True) as tx:
        tx.users.by_id("0" * 32)
    return Health(status="ok", database=context.database.kind, jobs=context.queue.kind)  # type: ignore[arg-type]


# --- accounts ------------------------------------------------------------------------------


@router.post("/auth/register", status_code=status.HTTP_201_CREATED, tags=["accounts"])
def register(body: RegisterIn, request: Request, context: Ctx) -> UserOut:
    with context.database.transaction() as tx:
        user = accounts.register(
            tx, body.email, body.password, body.name, ip=client_ip(request), locale=body.locale
        )
    return UserOut.of(user)


@router.post("/auth/login", tags=["accounts"])
def login(body: LoginIn, request: Request, context: Ctx) -> TokenOut:
    with context.database.transaction() as tx:
        result = accounts.attempt_login(
            tx, body.email, body.password, ip=client_ip(request), settings=context.settings
        )
    user = result.unwrap()
    return TokenOut(
        access_token=accounts.issue_token(user, context.settings),
        expires_in=int(context.settings.token_lifetime.total_seconds()),
    )


@router.get("/me", tags=["accounts"])
async def me(user: CurrentUser) -> UserOut:
    return UserOut.of(user)


# --- projects and members --------------------------------------------------------------------


@router.post("/projects", status_code=status.HTTP_201_CREATED, tags=["projects"])
def create_project(body: ProjectIn, user: CurrentUser, context: Ctx) -> ProjectOut:
    with context.database.transaction() as tx:
        view = projects.create_project(tx, user, body.title)
    return ProjectOut.of(view)


@router.get("/projects", tags=["projects"])
async def list_projects(user: CurrentUser, context: Ctx) -> list[ProjectOut]:
    with context.database.transaction(readonly=True) as tx:
        return [ProjectOut.of(view) for view in projects.list_projects(tx, user)]


@router.get(
    "/projects/{project_id}", tags=["projects"], response_model=ProjectOut, responses=NOT_MODIFIED
)
async def get_project(
    project_id: ProjectId, request: Request, user: CurrentUser, context: Ctx
) -> Response:
    found = context.reads.member_project(project_id, user.id)
    if found is not None and can(found.role, Permission.VIEW_PROJECT):
        view = ProjectView(found.project, found.role)
    else:
        # Not a member, or a role without the right: the service refuses in its own words.
        with context.database.transaction(readonly=True) as tx:
            view = projects.get_project(tx, user, project_id)
    return send(request, JsonBody.of(ProjectOut.of(view).model_dump_json().encode()))


@router.get("/projects/{project_id}/members", tags=["projects"])
async def list_members(project_id: ProjectId, user: CurrentUser, context: Ctx) -> list[MemberOut]:
    with context.database.transaction(readonly=True) as tx:
        return [MemberOut.of(m) for m in projects.list_members(tx, user, project_id)]


@router.post(
    "/projects/{project_id}/members", status_code=status.HTTP_201_CREATED, tags=["projects"]
)
def add_member(
    project_id: ProjectId, body: MemberIn, request: Request, user: CurrentUser, context: Ctx
) -> MemberOut:
    with context.database.transaction() as tx:
        member = projects.add_member(
            tx, user, project_id, body.email, body.role, ip=client_ip(request)
        )
    return MemberOut.of(member)


@router.patch("/projects/{project_id}/members/{user_id}", tags=["projects"])
def change_role(
    project_id: ProjectId,
    user_id: Annotated[str, PathParam(min_length=1, max_length=64)],
    body: RoleIn,
    request: Request,
    user: CurrentUser,
    context: Ctx,
) -> MemberOut:
    with context.database.transaction() as tx:
        member = projects.change_role(
            tx, user, project_id, user_id, body.role, ip=client_ip(request)
        )
    return MemberOut.of(member)


@router.delete(
    "/projects/{project_id}/members/{user_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    tags=["projects"],
)
def remove_member(
    project_id: ProjectId,
    user_id: Annotated[str, PathParam(min_length=1, max_length=64)],
    request: Request,
    user: CurrentUser,
    context: Ctx,
) -> Response:
    with context.database.transaction() as tx:
        projects.remove_member(tx, user, project_id, user_id, ip=client_ip(request))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/projects/{project_id}/audit", tags=["projects"])
async def project_audit(
    project_id: ProjectId,
    user: CurrentUser,
    context: Ctx,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[AuditOut]:
    with context.database.transaction(readonly=True) as tx:
        return [AuditOut.of(e) for e in audit.project_audit(tx, user, project_id, limit=limit)]


# --- scripts -----------------------------------------------------------------------------


def _read_upload(upload: UploadFile, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := upload.file.read(1024 * 1024):
        size += len(chunk)
        if size > limit:
            raise ValidationError("file", t("upload.too_large", limit=limit // (1024 * 1024)))
        chunks.append(chunk)
    return b"".join(chunks)


@router.post(
    "/projects/{project_id}/scripts", status_code=status.HTTP_201_CREATED, tags=["scripts"]
)
def upload_script(
    project_id: ProjectId,
    file: Annotated[UploadFile, File(description="Fountain, Final Draft (.fdx), PDF or text")],
    request: Request,
    user: CurrentUser,
    context: Ctx,
) -> ScriptOut:
    data = _read_upload(file, context.settings.max_upload_bytes)
    with context.database.transaction() as tx:
        revision = scripts.upload_revision(
            tx,
            user,
            project_id,
            file.filename or "script",
            data,
            files=context.scripts,
            max_bytes=context.settings.max_upload_bytes,
            ip=client_ip(request),
        )
    return ScriptOut.of(revision)


@router.get("/projects/{project_id}/scripts", tags=["scripts"])
async def list_scripts(project_id: ProjectId, user: CurrentUser, context: Ctx) -> list[ScriptOut]:
    with context.database.transaction(readonly=True) as tx:
        return [ScriptOut.of(r) for r in scripts.list_revisions(tx, user, project_id)]


@router.get("/projects/{project_id}/scripts/{script_id}", tags=["scripts"])
def get_script(
    project_id: ProjectId,
    script_id: Annotated[str, PathParam(min_length=1, max_length=64)],
    user: CurrentUser,
    context: Ctx,
) -> dict[str, Any]:
    """The revision's parsed screenplay as ``Script.1`` JSON (not for investors)."""
    with context.database.transaction(readonly=True) as tx:
        return scripts.get_script_document(tx, user, project_id, script_id)


# --- breakdown ------------------------------------------------------------------------------


@router.get("/projects/{project_id}/breakdown", tags=["breakdown"])
def get_breakdown(project_id: ProjectId, user: CurrentUser, context: Ctx) -> dict[str, Any]:
    """The current revision's ``Breakdown.1`` with every decision applied (not for investors)."""
    with context.database.transaction(readonly=True) as tx:
        return breakdowns.get_breakdown(tx, user, project_id)


@router.get("/projects/{project_id}/breakdown/decisions", tags=["breakdown"])
def get_decisions(project_id: ProjectId, user: CurrentUser, context: Ctx) -> dict[str, Any]:
    """The project's decisions as a ``Decisions.1`` document."""
    with context.database.transaction(readonly=True) as tx:
        return breakdowns.decisions_document(tx, user, project_id)


@router.post(
    "/projects/{project_id}/breakdown/decisions",
    status_code=status.HTTP_201_CREATED,
    tags=["breakdown"],
)
def record_decisions(
    project_id: ProjectId, body: DecisionsIn, request: Request, user: CurrentUser, context: Ctx
) -> DecisionsOut:
    items = [d.model_dump(exclude_none=True) for d in body.decisions]
    with context.database.transaction() as tx:
        stored = breakdowns.record_decisions(tx, user, project_id, items, ip=client_ip(request))
    return DecisionsOut(recorded=len(stored), first_seq=stored[0].seq, last_seq=stored[-1].seq)


# --- schedules ------------------------------------------------------------------------------


@router.post(
    "/projects/{project_id}/schedules",
    status_code=status.HTTP_202_ACCEPTED,
    tags=["schedule"],
)
def request_schedule(
    project_id: ProjectId,
    request: Request,
    user: CurrentUser,
    context: Ctx,
    config: Annotated[dict[str, Any], Body(description="A production config; {} = defaults")],
    time_limit: Annotated[float | None, Query(ge=1, le=600)] = None,
) -> JobAccepted:
    with context.database.transaction() as tx:
        job = schedules.request_schedule(
            tx, user, project_id, config, time_limit=time_limit, ip=client_ip(request)
        )
    return _dispatch(context, job)


@router.get("/projects/{project_id}/schedules", tags=["schedule"])
async def list_schedules(
    project_id: ProjectId, user: CurrentUser, context: Ctx
) -> list[ScheduleVersionOut]:
    with context.database.transaction(readonly=True) as tx:
        found = schedules.list_schedule_versions(tx, user, project_id)
    return [ScheduleVersionOut(version=v, source=s, created_at=c) for v, s, c in found]


@router.get(
    "/projects/{project_id}/schedule",
    tags=["schedule"],
    response_model=ScheduleOut,
    responses=NOT_MODIFIED,
)
async def get_schedule(
    project_id: ProjectId,
    request: Request,
    user: CurrentUser,
    context: Ctx,
    version: Version = None,
) -> Response:
    """A schedule version (the newest by default), with an ETag; 304 for If-None-Match."""

    def load(number: int | None) -> tuple[str, BaseModel]:
        with context.database.transaction(readonly=True) as tx:
            found = schedules.get_schedule(tx, user, project_id, number)
        return found.id, ScheduleOut.of(found)

    ref = context.reads.schedule_ref(project_id, user.id, version)
    return _version_body(request, context, Permission.VIEW_SCHEDULE, ref, version, load)


@router.post(
    "/projects/{project_id}/schedule/moves",
    status_code=status.HTTP_201_CREATED,
    tags=["schedule"],
)
def move_strip(
    project_id: ProjectId, body: MoveIn, request: Request, user: CurrentUser, context: Ctx
) -> ScheduleOut:
    """Move (and lock or unlock) a strip; 409 when ``expected_version`` is stale."""
    with context.database.transaction() as tx:
        saved = schedules.move_strip(
            tx,
            user,
            project_id,
            expected_version=body.expected_version,
            scene=body.scene,
            day=body.day,
            position=body.position,
            lock=body.lock,
            files=context.scripts,
            ip=client_ip(request),
        )
    return ScheduleOut.of(saved)


@router.get("/jobs/{job_id}", tags=["jobs"])
async def get_job(
    request: Request,
    job_id: Annotated[str, PathParam(min_length=1, max_length=64)],
    user: CurrentUser,
    context: Ctx,
) -> JobOut:
    """A job's state; its progress line and failure in the ``Accept-Language`` of the client."""
    with context.database.transaction(readonly=True) as tx:
        return JobOut.of(jobs.get_job(tx, user, job_id), request_language(request))


# --- budget, documents, AI ledger ------------------------------------------------------------


@router.post(
    "/projects/{project_id}/budgets", status_code=status.HTTP_202_ACCEPTED, tags=["budget"]
)
def request_budget(
    project_id: ProjectId, body: BudgetIn, request: Request, user: CurrentUser, context: Ctx
) -> JobAccepted:
    with context.database.transaction() as tx:
        job = budgets.request_budget(
            tx, user, project_id, schedule_version=body.schedule_version, ip=client_ip(request)
        )
    return _dispatch(context, job)


@router.get(
    "/projects/{project_id}/budget",
    tags=["budget"],
    response_model=BudgetOut,
    responses=NOT_MODIFIED,
)
async def get_budget(
    project_id: ProjectId,
    request: Request,
    user: CurrentUser,
    context: Ctx,
    version: Version = None,
) -> Response:
    """A budget version (the newest by default), with an ETag; 304 for If-None-Match."""

    def load(number: int | None) -> tuple[str, BaseModel]:
        with context.database.transaction(readonly=True) as tx:
            found = budgets.get_budget(tx, user, project_id, number)
        return found.id, BudgetOut.of(found)

    ref = context.reads.budget_ref(project_id, user.id, version)
    return _version_body(request, context, Permission.VIEW_BUDGET, ref, version, load)


@router.post(
    "/projects/{project_id}/documents", status_code=status.HTTP_202_ACCEPTED, tags=["documents"]
)
def request_book(
    project_id: ProjectId, body: BookIn, request: Request, user: CurrentUser, context: Ctx
) -> JobAccepted:
    with context.database.transaction() as tx:
        job = books.request_book(tx, user, project_id, locale=body.locale, ip=client_ip(request))
    return _dispatch(context, job)


@router.get("/projects/{project_id}/documents", tags=["documents"])
async def get_book(project_id: ProjectId, user: CurrentUser, context: Ctx) -> BookOut:
    with context.database.transaction(readonly=True) as tx:
        return BookOut.of(books.latest_book(tx, user, project_id))


@router.get(
    "/projects/{project_id}/documents/{name:path}",
    tags=["documents"],
    response_class=FileResponse,
    responses={200: {"description": "The document file"}},
)
def get_document(
    project_id: ProjectId,
    name: Annotated[str, PathParam(min_length=1, max_length=300)],
    user: CurrentUser,
    context: Ctx,
) -> FileResponse:
    with context.database.transaction(readonly=True) as tx:
        path = books.book_file(tx, user, project_id, name, renders=context.renders)
    return FileResponse(path, filename=path.name)


@router.get("/projects/{project_id}/ai-ledger", tags=["ai"])
def get_ledger(
    project_id: ProjectId,
    user: CurrentUser,
    context: Ctx,
    kind: Annotated[str | None, Query(max_length=40)] = None,
) -> list[LedgerOut]:
    with context.database.transaction(readonly=True) as tx:
        return [LedgerOut.of(e) for e in ledger.get_ledger(tx, user, project_id, kind=kind)]


@router.get("/projects/{project_id}/ai-ledger/disclosure", tags=["ai"])
async def get_disclosure(
    project_id: ProjectId,
    user: CurrentUser,
    context: Ctx,
    locale: Annotated[str, Query(pattern="^(en|vi)$")] = "en",
) -> DisclosureOut:
    with context.database.transaction(readonly=True) as tx:
        found = ledger.disclosure(tx, user, project_id, locale=locale)
    return DisclosureOut(locale=found.locale, text=found.text, approvers=list(found.approvers))  # type: ignore[arg-type]


# FastAPI tries a router's routes in order and each miss costs a few microseconds, a fifth
# of a cached budget read when it was matched last: the reads every member makes all day
# (and the job a client polls) are tried first. Their paths overlap no other route's.
_HOT_ROUTES = ("get_project", "get_schedule", "get_budget", "get_job")
router.routes.sort(key=lambda route: getattr(route, "name", None) not in _HOT_ROUTES)
