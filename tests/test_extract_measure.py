"""The extraction measure (precision/recall per field) behaves as documented."""

from jixiao.extract.measure import same, score_summary


def test_numbers_within_half_a_cent_and_text_normalised():
    assert same(95.8, 95.804) and not same(95.8, 95.81)
    assert same("≥ 95 %", ">=95%") and same("“三八”", '"三八"')
    assert same(True, True) and not same(True, 1)


def test_null_in_key_penalises_a_value_and_missing_value_is_a_miss():
    t = score_summary({"budget_total": None, "carryover": 5}, {"budget_total": 3, "carryover": None})
    assert (t.tp, t.fp, t.fn) == (0, 1, 1)


def test_wrong_value_counts_both_ways_and_absent_keys_are_not_scored():
    t = score_summary({"year": 2023}, {"year": 2022, "grade": "优"})
    assert (t.tp, t.fp, t.fn) == (0, 1, 1)


def test_projects_and_indicators_matched_by_name():
    key = {"projects": [{"name": "道路养护项目", "budget": 10, "indicators": [{"name": "养护里程", "target": "≥5公里"}]}]}
    pred = {"projects": [{"name": "道路养护项目 ", "budget": 10, "executed": 9,
                          "indicators": [{"name": "其他", "target": "1"}, {"name": "养护里程", "target": ">=5公里"}]}]}
    t = score_summary(key, pred)
    # name, budget, indicator name + target right; the unmatched extra indicator is a false positive for its name
    # and target (executed is not in the key, so not scored)
    assert (t.tp, t.fp, t.fn) == (4, 2, 0)
