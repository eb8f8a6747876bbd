"""The structured prerequisites of an award type: titles the nominee must already hold.

Stored as a JSON list of conditions, all of which must hold, counted back from the last year
of the dossier's period:

    {"titles": ["cstd_co_so"], "consecutive": 3}
        held in each of the 3 years up to that year ("3 consecutive years of CSTĐ cơ sở");
    {"titles": ["cstd_co_so"], "count": 3, "within": 5}
        held in at least 3 of the last 5 years (without "within": in any year up to it);
    "label" (optional) names the group of titles in the reasons ("Hoàn thành tốt nhiệm vụ trở lên").

A year counts when the nominee holds any of the listed titles (award type codes) that year.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

KEYS = {"titles", "consecutive", "count", "within", "label"}


def validate_prerequisites(value, known_codes):
    """Raise ValidationError with every problem of a prerequisites list; known_codes: award type codes."""
    if not isinstance(value, list):
        raise ValidationError(_("Write a list of conditions, for example %(example)s.") % {"example": EXAMPLE})
    errors = []
    for number, condition in enumerate(value, start=1):
        errors += [
            _("Condition %(number)s: %(problem)s") % {"number": number, "problem": problem}
            for problem in _problems(condition, known_codes)
        ]
    if errors:
        raise ValidationError(errors)


EXAMPLE = '[{"titles": ["cstd_co_so"], "consecutive": 3}]'


def _problems(condition, known_codes):
    if not isinstance(condition, dict):
        return [_("each condition is an object in braces { }.")]
    problems = []
    unknown_keys = sorted(set(condition) - KEYS)
    if unknown_keys:
        problems.append(_("unknown keys %(keys)s.") % {"keys": ", ".join(unknown_keys)})
    titles = condition.get("titles")
    if not isinstance(titles, list) or not titles or not all(isinstance(code, str) for code in titles):
        problems.append(_("“titles” lists the codes of the titles that count."))
    else:
        unknown = [code for code in titles if code not in known_codes]
        if unknown:
            problems.append(_("no award type has the code %(codes)s.") % {"codes": ", ".join(unknown)})
    has_consecutive, has_count = "consecutive" in condition, "count" in condition
    if has_consecutive == has_count:
        problems.append(_("give either “consecutive” (years in a row) or “count” (times held)."))
    for key in ("consecutive", "count", "within"):
        if key in condition and not (isinstance(condition[key], int) and 1 <= condition[key] <= 50):
            problems.append(_("“%(key)s” is a whole number from 1 to 50.") % {"key": key})
    if "within" in condition and not has_count:
        problems.append(_("“within” goes with “count”."))
    if "label" in condition and not isinstance(condition["label"], str):
        problems.append(_("“label” is a text."))
    return problems


def condition_label(condition, names):
    """The group of titles as reasons name it: its label, else the titles' short names joined by “/”."""
    if condition.get("label"):
        return condition["label"]
    return "/".join(names.get(code, code) for code in condition["titles"])


def describe_prerequisites(prerequisites, names):
    """Each condition as a sentence: "CSTĐ cơ sở: 3 năm liên tục"."""
    lines = []
    for condition in prerequisites:
        label = condition_label(condition, names)
        if "consecutive" in condition:
            lines.append(_("%(label)s: %(n)s consecutive years") % {"label": label, "n": condition["consecutive"]})
        elif "within" in condition:
            lines.append(
                _("%(label)s: %(n)s times in the last %(m)s years")
                % {"label": label, "n": condition["count"], "m": condition["within"]}
            )
        else:
            lines.append(_("%(label)s: held %(n)s times") % {"label": label, "n": condition["count"]})
    return lines
