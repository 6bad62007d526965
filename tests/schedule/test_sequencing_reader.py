"""Reading MSSP benchmark files: every shared file, and clear errors otherwise."""

from __future__ import annotations

import pytest

from filmpark.errors import Infeasible, InputError
from filmpark.schedule.instances import read_mssp
from tests.conftest import shared_path

# 2 actors, 3 scenes, 2 locations, 1 precedence
GOOD = """2
3
2
1
5 7
0 9
1 2 1
0 1 0
1 0 1
0 1 1
2 0
"""


def test_a_well_formed_file_gives_every_field_with_actor_rows() -> None:
    problem = read_mssp(GOOD, "m/movie3.txt")
    assert problem.name == "movie3"
    assert problem.actor_costs == (5, 7)
    assert problem.location_costs == (0, 9)
    assert problem.durations == (1, 2, 1)
    assert problem.locations == (0, 1, 0)
    assert problem.presence == ((True, False, True), (False, True, True))
    assert problem.precedences == ((2, 0),)


def test_every_shared_instance_is_read_with_its_announced_sizes() -> None:
    folder = shared_path("bench", "mssp", "instances")
    files = sorted(folder.glob("movie*.txt"))
    assert len(files) == 10
    for path in files:
        problem = read_mssp(path.read_text(), str(path))
        assert problem.scene_count == int(path.stem[5:])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "m.txt: empty file"),
        (
            GOOD.replace("2 0\n", ""),
            "m.txt:10: the file ends before scene 'before' of precedence 0",
        ),
        (
            GOOD.replace("0 1 0", "0 3 0"),
            "m.txt:8: the location of scene 1 is 3, expected at most 1",
        ),
        (GOOD.replace("1 0 1\n", "1 5 1\n"), "m.txt:9: actor 0's entry for scene 1 is 5"),
        (GOOD.replace("2 0\n", "2 2\n"), "m.txt:11: precedence 0 puts scene 2 before itself"),
        (GOOD.replace("2 0\n", "2 4\n"), "m.txt:11: scene 'after' of precedence 0 is 4"),
        (GOOD + "3\n", "m.txt:12: unexpected extra value 3"),
        (GOOD.replace("5 7", "5 seven"), "m.txt:5: 'seven' is not an integer"),
    ],
)
def test_a_malformed_file_is_refused_with_the_line_and_the_cause(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_mssp(text, "m.txt")
    assert str(caught.value).startswith(message)


def test_a_precedence_cycle_in_a_file_is_reported_as_infeasible() -> None:
    text = GOOD.replace("2\n1\n5 7", "2\n2\n5 7").replace("2 0\n", "2 0\n0 2\n")
    with pytest.raises(Infeasible, match="cycle"):
        read_mssp(text, "m.txt")
