"""Reading talent-scheduling benchmark files: every shared file, and clear errors otherwise."""

from __future__ import annotations

import pytest

from filmpark.errors import InputError
from filmpark.schedule.instances import read_talent
from tests.conftest import shared_path

GOOD = """# two scenes, two actors
2 2
1 1  10   # actor 1 plays both scenes
0 1  4
1 2
"""


def test_a_well_formed_file_gives_scenes_actors_costs_and_durations() -> None:
    instance = read_talent(GOOD, "films/two.txt")
    assert instance.name == "two"
    assert instance.durations == (1, 2)
    assert instance.costs == (10, 4)
    assert instance.presence == ((True, True), (False, True))


def test_every_shared_instance_is_read() -> None:
    folder = shared_path("bench", "talent", "instances")
    files = sorted(folder.glob("*.txt"))
    assert len(files) == 21
    for path in files:
        instance = read_talent(path.read_text(), str(path))
        assert instance.scene_count > 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "t.txt: empty file"),
        ("2 2\n1 x 10\n", "t.txt:2: 'x' is not an integer"),
        ("2 2\n1 1 10\n0 1 4\n", "t.txt:3: the file ends before the duration of scene 1"),
        (
            "2 2\n1 2 10\n0 1 4\n1 1\n",
            "t.txt:2: actor 1's entry for scene 2 is 2, expected at most 1",
        ),
        ("2 2\n1 1 -3\n0 1 4\n1 1\n", "t.txt:2: actor 1's daily cost is -3, expected at least 0"),
        ("2 2\n1 1 10\n0 1 4\n1 0\n", "t.txt:4: the duration of scene 2 is 0, expected at least 1"),
        ("2 2\n1 1 10\n0 1 4\n1 1\n7\n", "t.txt:5: unexpected extra value 7"),
        ("0 2\n", "t.txt:1: the number of scenes is 0, expected at least 1"),
    ],
)
def test_a_malformed_file_is_refused_with_the_line_and_the_cause(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_talent(text, "t.txt")
    assert str(caught.value).startswith(message)
