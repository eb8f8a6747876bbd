import pytest
from django.urls import reverse

from congress.links import RowLink


@pytest.mark.parametrize("args", [(1, 2), (2147483601, 7), (12, 2147483602), (2147483602, 3), (5, 5)])
def test_a_row_link_is_the_url_reverse_gives(args):
    assert RowLink("planning:task_detail", 2)(*args) == reverse("planning:task_detail", args=args)


def test_a_row_link_wants_every_argument():
    with pytest.raises(ValueError):
        RowLink("planning:task_edit", 2)(1)
