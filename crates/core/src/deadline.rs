//! The procedure's deadlines (PRODUCT.md §3): German public holidays, business-day arithmetic and
//! the dates shown to the complainant.
//!
//! # How a period of business days is counted
//!
//! A period of `n` business days starting on a date (the day a complaint was sent or received, the
//! day of an answer) is counted like this:
//!
//! 1. **Counting starts the day after the start date** (§ 187 Abs. 1 BGB): the start date itself
//!    never counts, whatever day it is.
//! 2. Only business days count, under the operator's [`DeadlineRule`]:
//!    * [`DeadlineRule::Werktage`]: Monday to **Saturday** except public holidays
//!      (§ 3 Abs. 2 BUrlG). Saturdays *count*.
//!    * [`DeadlineRule::Arbeitstage`]: Monday to Friday except public holidays.
//! 3. The period ends with the `n`-th counted day (§ 188 Abs. 1 BGB), **unless** that day is a
//!    Saturday, a Sunday or a public holiday: then it ends on the next day that is none of these
//!    (§ 193 BGB).
//!
//! The subtlety is in 2 and 3 together: under `Werktage` a Saturday is counted as a day of the
//! period, but a period may not *end* on a Saturday. Friday 2026-12-18 + 2 Werktage counts
//! Saturday the 19th as day 1 and Monday the 21st as day 2, and ends on Monday 2026-12-21;
//! Thursday 2026-12-17 + 2 Werktage counts Friday the 18th and Saturday the 19th, and because the
//! last counted day is a Saturday, it too ends on Monday 2026-12-21 (or later, if that Monday is a
//! public holiday). Under `Arbeitstage` the last counted day is never a Saturday, Sunday or
//! holiday, so § 193 BGB never moves it.
//!
//! The result of [`add_business_days`] is therefore always a Monday to Friday that is not a public
//! holiday, which is a business day under both rules.
//!
//! # Which public holidays
//!
//! The nationwide ones plus those of the operator's state ([`crate::config::STATES`]), computed for
//! any year (Easter by the Gregorian computus, [`easter_sunday`]). The rules are today's law,
//! with the introduction years of the recent additions (Internationaler Frauentag in BE from 2019
//! and MV from 2023, Weltkindertag in TH from 2019, Reformationstag in HB HH NI SH from 2018, and
//! Reformationstag 2017 in every state as a one-off). Older history is not modelled (for example the
//! nationwide Buß- und Bettag until 1994, or 17 June before 1990): the portal only computes dates
//! from now on.
//!
//! Holidays that apply only in parts of a state are **not** included, because an operator's
//! deadline cannot depend on which municipality the complainant lives in:
//! Mariä Himmelfahrt (15 Aug) in Bavaria applies only in municipalities with a predominantly
//! Catholic population, so BY is treated as not having it; likewise the Augsburger Friedensfest
//! (8 Aug, Augsburg only) and Fronleichnam in some municipalities of SN and TH.
//!
//! A state code that is not in [`crate::config::STATES`] gets only the nationwide holidays
//! (including Reformationstag 2017, which every state observed). Config validation already refuses
//! such codes; this is just the documented, non-panicking fallback. Codes are matched exactly
//! (upper case, as in the config).
//!
//! Everything is pure: no clock, no locale. Callers pass the dates in.

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};
use serde::{Deserialize, Serialize};

use crate::config::DeadlineRule;

/// Business days until the receipt of a complaint is acknowledged.
pub const ACKNOWLEDGEMENT_DAYS: u32 = 2;
/// Business days within which an answer (or notice of a longer investigation) is aimed for.
pub const ANSWER_DAYS: u32 = 10;
/// Business days, from the date of the answer, within which an escalation may be made.
pub const ESCALATION_WINDOW_DAYS: u32 = 20;
/// Business days within which an escalation usually gets its final answer.
pub const FINAL_ANSWER_DAYS: u32 = 10;

/// One public holiday: its date and its German name (for the UI).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: &'static str,
}

/// The dates promised for a complaint, counted from the date it was sent or received.
///
/// Serialised with the dates as `YYYY-MM-DD`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadlines {
    /// Receipt acknowledged by this day: [`ACKNOWLEDGEMENT_DAYS`] business days.
    pub acknowledgement: NaiveDate,
    /// An answer, or notice of a longer investigation, aimed for by this day: [`ANSWER_DAYS`]
    /// business days.
    pub answer: NaiveDate,
    /// Escalations only: the final answer usually comes by this day, [`FINAL_ANSWER_DAYS`]
    /// business days. Absent (and not serialised) for every other kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_answer: Option<NaiveDate>,
}

impl Deadlines {
    /// The deadlines for a complaint sent or received on `date` (counting starts the next day).
    pub fn for_submission(date: NaiveDate, rule: DeadlineRule, state: &str) -> Deadlines {
        Deadlines {
            acknowledgement: add_business_days(date, ACKNOWLEDGEMENT_DAYS, rule, state),
            answer: add_business_days(date, ANSWER_DAYS, rule, state),
            final_answer: None,
        }
    }
}

/// The last day on which an escalation may be made, for an answer dated `answer_date`:
/// [`ESCALATION_WINDOW_DAYS`] business days from the date of the answer (counting starts the next
/// day).
pub fn escalation_window_end(answer_date: NaiveDate, rule: DeadlineRule, state: &str) -> NaiveDate {
    add_business_days(answer_date, ESCALATION_WINDOW_DAYS, rule, state)
}

/// Whether an escalation made on `today` is still within the window of an answer dated
/// `answer_date` (the window's last day included).
pub fn escalation_open(answer_date: NaiveDate, today: NaiveDate, rule: DeadlineRule, state: &str) -> bool {
    today <= escalation_window_end(answer_date, rule, state)
}

/// The day by which an escalation sent or received on `date` usually gets its final answer:
/// [`FINAL_ANSWER_DAYS`] business days (counting starts the next day).
pub fn final_answer(date: NaiveDate, rule: DeadlineRule, state: &str) -> NaiveDate {
    add_business_days(date, FINAL_ANSWER_DAYS, rule, state)
}

/// Easter Sunday of `year` in the Gregorian calendar (anonymous Gregorian algorithm, also known as
/// the Meeus/Jones/Butcher algorithm). Always between 22 March and 25 April.
///
/// The computus is total over `i32` (it uses Euclidean division, so it stays in range for
/// proleptic negative years too); only the date type is bounded: for a year outside what
/// [`NaiveDate`] can hold (beyond ±262 142), no date of that year exists, and the result saturates
/// to [`NaiveDate::MIN`] or [`NaiveDate::MAX`].
pub fn easter_sunday(year: i32) -> NaiveDate {
    easter_date(year).unwrap_or(if year < 0 { NaiveDate::MIN } else { NaiveDate::MAX })
}

/// The public holidays of `year` in `state`, sorted by date.
///
/// Two holidays can fall on the same date (Christi Himmelfahrt on 1 May, as in 2008): both are
/// listed, in the order the law lists them. An unknown state code gets the nationwide holidays
/// only (see the module documentation). A year outside what [`NaiveDate`] can hold gives an empty
/// list.
pub fn holidays(year: i32, state: &str) -> Vec<Holiday> {
    holidays_in(year, state).unwrap_or_default()
}

/// Whether `date` is a public holiday in `state`.
pub fn is_holiday(date: NaiveDate, state: &str) -> bool {
    holiday_name(date, state).is_some()
}

/// The German name of the public holiday on `date` in `state`, if it is one (the first, should
/// two fall on the same day).
pub fn holiday_name(date: NaiveDate, state: &str) -> Option<&'static str> {
    holidays(date.year(), state).into_iter().find(|h| h.date == date).map(|h| h.name)
}

/// Whether `date` counts as a business day under `rule` in `state`:
/// [`DeadlineRule::Werktage`] Monday to Saturday, [`DeadlineRule::Arbeitstage`] Monday to Friday,
/// in both cases except public holidays.
///
/// Note that under `Werktage` a Saturday counts as a day of a period, yet a period never *ends*
/// on one (§ 193 BGB, see [`end_of_period`]).
pub fn is_business_day(date: NaiveDate, rule: DeadlineRule, state: &str) -> bool {
    Calendar::new(state).is_business_day(date, rule)
}

/// § 193 BGB: the day a period ends on whose last counted day is `last_counted`. That is
/// `last_counted` itself, unless it is a Saturday, a Sunday or a public holiday in `state`; then
/// the next day that is none of these.
///
/// Saturates at [`NaiveDate::MAX`] (only reachable at the very end of chrono's range).
pub fn end_of_period(last_counted: NaiveDate, state: &str) -> NaiveDate {
    Calendar::new(state).end_of_period(last_counted)
}

/// The day a period of `n` business days from `start` ends on, under `rule` in `state`.
///
/// Counting starts the day after `start` (§ 187 Abs. 1 BGB) and counts only business days
/// ([`is_business_day`]: under `Werktage` Saturdays count). The `n`-th counted day is the last day
/// of the period (§ 188 Abs. 1 BGB), except that when it is a Saturday, a Sunday or a public
/// holiday, the period ends on the next day that is none of these (§ 193 BGB). So under
/// `Werktage` a period whose last counted day is a Saturday ends on the following Monday, or later
/// if that Monday is a holiday.
///
/// `n = 0` is defined as `start` itself, adjusted by § 193 BGB: `start` if it is a Monday to
/// Friday that is not a holiday, otherwise the next such day.
///
/// For `n ≥ 1` the result is always later than `start`, and always a Monday to Friday that is
/// not a holiday. It is non-decreasing in `n` and in `start` (not strictly: under `Werktage`,
/// Thursday + 2 and Friday + 2 both end on Monday when the Saturday is the 2nd counted day of the
/// first). Saturates at [`NaiveDate::MAX`] (only reachable at the very end of chrono's range).
pub fn add_business_days(start: NaiveDate, n: u32, rule: DeadlineRule, state: &str) -> NaiveDate {
    let mut calendar = Calendar::new(state);
    let mut day = start;
    let mut counted = 0;
    while counted < n {
        day = match day.succ_opt() {
            Some(next) => next,
            None => return NaiveDate::MAX,
        };
        if calendar.is_business_day(day, rule) {
            counted += 1;
        }
    }
    calendar.end_of_period(day)
}

// --- holidays ------------------------------------------------------------------------------------

const HEILIGE_DREI_KOENIGE: &[&str] = &["BW", "BY", "ST"];
const FRONLEICHNAM: &[&str] = &["BW", "BY", "HE", "NW", "RP", "SL"];
/// State-wide only in Saarland; in Bavaria only in predominantly Catholic municipalities, which a
/// state-wide calendar cannot represent, so BY is deliberately not listed.
const MARIAE_HIMMELFAHRT: &[&str] = &["SL"];
/// Reformationstag since 1990 (the states that joined in 1990).
const REFORMATIONSTAG: &[&str] = &["BB", "MV", "SN", "ST", "TH"];
/// Reformationstag from 2018.
const REFORMATIONSTAG_FROM_2018: &[&str] = &["HB", "HH", "NI", "SH"];
const ALLERHEILIGEN: &[&str] = &["BW", "BY", "NW", "RP", "SL"];
const BUSS_UND_BETTAG: &[&str] = &["SN"];
/// Ostersonntag and Pfingstsonntag: Sundays anyway, listed for completeness.
const OSTER_PFINGSTSONNTAG: &[&str] = &["BB"];

/// `year-month-day`. Every call site passes a month/day constant that exists in every year (there
/// is no holiday on 29 February, and Easter-derived days are built by adding days to a valid date),
/// so this is `None` only when `year` lies outside what [`NaiveDate`] can hold, in which case no
/// date of that year exists at all.
fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

fn easter_date(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    // n / 31 is 3 or 4 and n % 31 + 1 is 1..=31: a valid March or April day (22 March to 25 April).
    let month = u32::try_from(n / 31).ok()?;
    let day = u32::try_from(n % 31 + 1).ok()?;
    ymd(year, month, day)
}

/// Buß- und Bettag: the Wednesday before 23 November (16 to 22 November).
fn buss_und_bettag(year: i32) -> Option<NaiveDate> {
    let nov22 = ymd(year, 11, 22)?;
    let back = (nov22.weekday().num_days_from_monday() + 7 - Weekday::Wed.num_days_from_monday()) % 7;
    ymd(year, 11, 22 - back)
}

fn holidays_in(year: i32, state: &str) -> Option<Vec<Holiday>> {
    let easter = easter_date(year)?;
    // Easter ± at most 60 days stays within the same year, which holds every date.
    let after_easter = |days: i64| easter.checked_add_signed(TimeDelta::days(days));
    let is = |codes: &[&str]| codes.contains(&state);
    let holiday = |date: NaiveDate, name: &'static str| Holiday { date, name };

    let mut list = Vec::with_capacity(20);
    list.push(holiday(ymd(year, 1, 1)?, "Neujahr"));
    if is(HEILIGE_DREI_KOENIGE) {
        list.push(holiday(ymd(year, 1, 6)?, "Heilige Drei Könige"));
    }
    if (state == "BE" && year >= 2019) || (state == "MV" && year >= 2023) {
        list.push(holiday(ymd(year, 3, 8)?, "Internationaler Frauentag"));
    }
    list.push(holiday(after_easter(-2)?, "Karfreitag"));
    if is(OSTER_PFINGSTSONNTAG) {
        list.push(holiday(easter, "Ostersonntag"));
    }
    list.push(holiday(after_easter(1)?, "Ostermontag"));
    list.push(holiday(ymd(year, 5, 1)?, "Tag der Arbeit"));
    list.push(holiday(after_easter(39)?, "Christi Himmelfahrt"));
    if is(OSTER_PFINGSTSONNTAG) {
        list.push(holiday(after_easter(49)?, "Pfingstsonntag"));
    }
    list.push(holiday(after_easter(50)?, "Pfingstmontag"));
    if is(FRONLEICHNAM) {
        list.push(holiday(after_easter(60)?, "Fronleichnam"));
    }
    if is(MARIAE_HIMMELFAHRT) {
        list.push(holiday(ymd(year, 8, 15)?, "Mariä Himmelfahrt"));
    }
    if state == "TH" && year >= 2019 {
        list.push(holiday(ymd(year, 9, 20)?, "Weltkindertag"));
    }
    list.push(holiday(ymd(year, 10, 3)?, "Tag der Deutschen Einheit"));
    if is(REFORMATIONSTAG) || (is(REFORMATIONSTAG_FROM_2018) && year >= 2018) || year == 2017 {
        list.push(holiday(ymd(year, 10, 31)?, "Reformationstag"));
    }
    if is(ALLERHEILIGEN) {
        list.push(holiday(ymd(year, 11, 1)?, "Allerheiligen"));
    }
    if is(BUSS_UND_BETTAG) {
        list.push(holiday(buss_und_bettag(year)?, "Buß- und Bettag"));
    }
    list.push(holiday(ymd(year, 12, 25)?, "1. Weihnachtstag"));
    list.push(holiday(ymd(year, 12, 26)?, "2. Weihnachtstag"));
    // Stable: same-day holidays keep the order above.
    list.sort_by_key(|h| h.date);
    Some(list)
}

/// The holidays of one state, computed once per year while walking through dates.
struct Calendar<'a> {
    state: &'a str,
    year: Option<i32>,
    dates: Vec<NaiveDate>,
}

impl<'a> Calendar<'a> {
    fn new(state: &'a str) -> Calendar<'a> {
        Calendar { state, year: None, dates: Vec::new() }
    }

    fn is_holiday(&mut self, date: NaiveDate) -> bool {
        if self.year != Some(date.year()) {
            self.year = Some(date.year());
            self.dates = holidays(date.year(), self.state).into_iter().map(|h| h.date).collect();
        }
        self.dates.contains(&date)
    }

    fn is_business_day(&mut self, date: NaiveDate, rule: DeadlineRule) -> bool {
        let open = match rule {
            DeadlineRule::Werktage => date.weekday() != Weekday::Sun,
            DeadlineRule::Arbeitstage => !matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
        };
        open && !self.is_holiday(date)
    }

    /// § 193 BGB: the next day from `date` on that is no Saturday, Sunday or holiday.
    fn end_of_period(&mut self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) || self.is_holiday(day) {
            day = match day.succ_opt() {
                Some(next) => next,
                None => return NaiveDate::MAX,
            };
        }
        day
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::STATES;
    use proptest::prelude::*;
    use DeadlineRule::{Arbeitstage, Werktage};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn assert_holidays(year: i32, state: &str, expected: &[(&str, &str)]) {
        let got: Vec<(String, &str)> =
            holidays(year, state).into_iter().map(|h| (h.date.to_string(), h.name)).collect();
        let expected: Vec<(String, &str)> = expected.iter().map(|&(date, name)| (date.to_string(), name)).collect();
        assert_eq!(got, expected, "holidays {year} {state}");
    }

    // --- Easter ----------------------------------------------------------------------------------

    #[test]
    fn deadline_easter_known_years() {
        for (year, date) in [
            (1818, "1818-03-22"), // earliest possible
            (1900, "1900-04-15"),
            (1943, "1943-04-25"), // latest possible
            (1954, "1954-04-18"),
            (1961, "1961-04-02"),
            (1981, "1981-04-19"),
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2011, "2011-04-24"),
            (2017, "2017-04-16"),
            (2018, "2018-04-01"),
            (2019, "2019-04-21"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
            (2100, "2100-03-28"),
            (2160, "2160-03-23"),
            (2199, "2199-04-14"),
            (2285, "2285-03-22"),
        ] {
            assert_eq!(easter_sunday(year), d(date), "Easter {year}");
        }
    }

    #[test]
    fn deadline_easter_is_a_sunday_between_22_march_and_25_april() {
        for year in 1583..=3000 {
            let easter = easter_sunday(year);
            assert_eq!(easter.weekday(), Weekday::Sun, "{year}");
            assert_eq!(easter.year(), year);
            assert!(easter >= d(&format!("{year}-03-22")) && easter <= d(&format!("{year}-04-25")), "{year}");
        }
    }

    #[test]
    fn deadline_out_of_range_years_do_not_panic() {
        assert_eq!(easter_sunday(i32::MAX), NaiveDate::MAX);
        assert_eq!(easter_sunday(i32::MIN), NaiveDate::MIN);
        assert!(holidays(i32::MAX, "SL").is_empty());
        assert!(holidays(i32::MIN, "SL").is_empty());
        assert_eq!(easter_sunday(NaiveDate::MAX.year()).year(), NaiveDate::MAX.year());
        assert!(!holidays(NaiveDate::MIN.year(), "SL").is_empty());
        assert_eq!(add_business_days(NaiveDate::MAX, 1, Werktage, "SL"), NaiveDate::MAX);
    }

    // --- holiday lists ---------------------------------------------------------------------------

    #[test]
    fn deadline_holidays_sl_2025() {
        assert_holidays(
            2025,
            "SL",
            &[
                ("2025-01-01", "Neujahr"),
                ("2025-04-18", "Karfreitag"),
                ("2025-04-21", "Ostermontag"),
                ("2025-05-01", "Tag der Arbeit"),
                ("2025-05-29", "Christi Himmelfahrt"),
                ("2025-06-09", "Pfingstmontag"),
                ("2025-06-19", "Fronleichnam"),
                ("2025-08-15", "Mariä Himmelfahrt"),
                ("2025-10-03", "Tag der Deutschen Einheit"),
                ("2025-11-01", "Allerheiligen"),
                ("2025-12-25", "1. Weihnachtstag"),
                ("2025-12-26", "2. Weihnachtstag"),
            ],
        );
    }

    #[test]
    fn deadline_holidays_sl_2026() {
        assert_holidays(
            2026,
            "SL",
            &[
                ("2026-01-01", "Neujahr"),
                ("2026-04-03", "Karfreitag"),
                ("2026-04-06", "Ostermontag"),
                ("2026-05-01", "Tag der Arbeit"),
                ("2026-05-14", "Christi Himmelfahrt"),
                ("2026-05-25", "Pfingstmontag"),
                ("2026-06-04", "Fronleichnam"),
                ("2026-08-15", "Mariä Himmelfahrt"),
                ("2026-10-03", "Tag der Deutschen Einheit"),
                ("2026-11-01", "Allerheiligen"),
                ("2026-12-25", "1. Weihnachtstag"),
                ("2026-12-26", "2. Weihnachtstag"),
            ],
        );
    }

    #[test]
    fn deadline_holidays_by_2026_without_mariae_himmelfahrt() {
        assert_holidays(
            2026,
            "BY",
            &[
                ("2026-01-01", "Neujahr"),
                ("2026-01-06", "Heilige Drei Könige"),
                ("2026-04-03", "Karfreitag"),
                ("2026-04-06", "Ostermontag"),
                ("2026-05-01", "Tag der Arbeit"),
                ("2026-05-14", "Christi Himmelfahrt"),
                ("2026-05-25", "Pfingstmontag"),
                ("2026-06-04", "Fronleichnam"),
                ("2026-10-03", "Tag der Deutschen Einheit"),
                ("2026-11-01", "Allerheiligen"),
                ("2026-12-25", "1. Weihnachtstag"),
                ("2026-12-26", "2. Weihnachtstag"),
            ],
        );
    }

    #[test]
    fn deadline_holidays_be_2026() {
        assert_holidays(
            2026,
            "BE",
            &[
                ("2026-01-01", "Neujahr"),
                ("2026-03-08", "Internationaler Frauentag"),
                ("2026-04-03", "Karfreitag"),
                ("2026-04-06", "Ostermontag"),
                ("2026-05-01", "Tag der Arbeit"),
                ("2026-05-14", "Christi Himmelfahrt"),
                ("2026-05-25", "Pfingstmontag"),
                ("2026-10-03", "Tag der Deutschen Einheit"),
                ("2026-12-25", "1. Weihnachtstag"),
                ("2026-12-26", "2. Weihnachtstag"),
            ],
        );
    }

    #[test]
    fn deadline_holidays_sn_2026() {
        assert_holidays(
            2026,
            "SN",
            &[
                ("2026-01-01", "Neujahr"),
                ("2026-04-03", "Karfreitag"),
                ("2026-04-06", "Ostermontag"),
                ("2026-05-01", "Tag der Arbeit"),
                ("2026-05-14", "Christi Himmelfahrt"),
                ("2026-05-25", "Pfingstmontag"),
                ("2026-10-03", "Tag der Deutschen Einheit"),
                ("2026-10-31", "Reformationstag"),
                ("2026-11-18", "Buß- und Bettag"),
                ("2026-12-25", "1. Weihnachtstag"),
                ("2026-12-26", "2. Weihnachtstag"),
            ],
        );
    }

    #[test]
    fn deadline_holidays_th_2026() {
        assert_holidays(
            2026,
            "TH",
            &[
                ("2026-01-01", "Neujahr"),
                ("2026-04-03", "Karfreitag"),
                ("2026-04-06", "Ostermontag"),
                ("2026-05-01", "Tag der Arbeit"),
                ("2026-05-14", "Christi Himmelfahrt"),
                ("2026-05-25", "Pfingstmontag"),
                ("2026-09-20", "Weltkindertag"),
                ("2026-10-03", "Tag der Deutschen Einheit"),
                ("2026-10-31", "Reformationstag"),
                ("2026-12-25", "1. Weihnachtstag"),
                ("2026-12-26", "2. Weihnachtstag"),
            ],
        );
    }

    #[test]
    fn deadline_holidays_hh_2026() {
        assert_holidays(
            2026,
            "HH",
            &[
                ("2026-01-01", "Neujahr"),
                ("2026-04-03", "Karfreitag"),
                ("2026-04-06", "Ostermontag"),
                ("2026-05-01", "Tag der Arbeit"),
                ("2026-05-14", "Christi Himmelfahrt"),
                ("2026-05-25", "Pfingstmontag"),
                ("2026-10-03", "Tag der Deutschen Einheit"),
                ("2026-10-31", "Reformationstag"),
                ("2026-12-25", "1. Weihnachtstag"),
                ("2026-12-26", "2. Weihnachtstag"),
            ],
        );
    }

    #[test]
    fn deadline_holidays_bb_2026_with_the_sundays() {
        assert_holidays(
            2026,
            "BB",
            &[
                ("2026-01-01", "Neujahr"),
                ("2026-04-03", "Karfreitag"),
                ("2026-04-05", "Ostersonntag"),
                ("2026-04-06", "Ostermontag"),
                ("2026-05-01", "Tag der Arbeit"),
                ("2026-05-14", "Christi Himmelfahrt"),
                ("2026-05-24", "Pfingstsonntag"),
                ("2026-05-25", "Pfingstmontag"),
                ("2026-10-03", "Tag der Deutschen Einheit"),
                ("2026-10-31", "Reformationstag"),
                ("2026-12-25", "1. Weihnachtstag"),
                ("2026-12-26", "2. Weihnachtstag"),
            ],
        );
    }

    #[test]
    fn deadline_holidays_nw_2017_with_the_reformationstag_one_off() {
        assert_holidays(
            2017,
            "NW",
            &[
                ("2017-01-01", "Neujahr"),
                ("2017-04-14", "Karfreitag"),
                ("2017-04-17", "Ostermontag"),
                ("2017-05-01", "Tag der Arbeit"),
                ("2017-05-25", "Christi Himmelfahrt"),
                ("2017-06-05", "Pfingstmontag"),
                ("2017-06-15", "Fronleichnam"),
                ("2017-10-03", "Tag der Deutschen Einheit"),
                ("2017-10-31", "Reformationstag"),
                ("2017-11-01", "Allerheiligen"),
                ("2017-12-25", "1. Weihnachtstag"),
                ("2017-12-26", "2. Weihnachtstag"),
            ],
        );
    }

    #[test]
    fn deadline_reformationstag_by_year_and_state() {
        for state in STATES {
            assert_eq!(holiday_name(d("2017-10-31"), state), Some("Reformationstag"), "{state} 2017");
        }
        assert!(is_holiday(d("2017-10-31"), "XX"), "2017 was nationwide");
        for state in ["BW", "BY", "BE", "HE", "NW", "RP", "SL"] {
            assert!(!is_holiday(d("2016-10-31"), state), "{state} 2016");
            assert!(!is_holiday(d("2018-10-31"), state), "{state} 2018");
            assert!(!is_holiday(d("2026-10-31"), state), "{state} 2026");
        }
        for state in ["HB", "HH", "NI", "SH"] {
            assert!(!is_holiday(d("2016-10-31"), state), "{state} 2016");
            assert!(is_holiday(d("2018-10-31"), state), "{state} 2018");
        }
        for state in ["BB", "MV", "SN", "ST", "TH"] {
            assert!(is_holiday(d("2016-10-31"), state), "{state} 2016");
            assert!(is_holiday(d("2018-10-31"), state), "{state} 2018");
        }
    }

    #[test]
    fn deadline_introduction_years() {
        assert!(!is_holiday(d("2018-03-08"), "BE"));
        assert!(is_holiday(d("2019-03-08"), "BE"));
        assert!(!is_holiday(d("2022-03-08"), "MV"));
        assert!(is_holiday(d("2023-03-08"), "MV"));
        assert!(!is_holiday(d("2026-03-08"), "BB"));
        assert!(!is_holiday(d("2018-09-20"), "TH"));
        assert!(is_holiday(d("2019-09-20"), "TH"));
        assert!(!is_holiday(d("2026-09-20"), "SN"));
    }

    #[test]
    fn deadline_buss_und_bettag() {
        for (year, date) in [
            (2022, "2022-11-16"),
            (2023, "2023-11-22"),
            (2024, "2024-11-20"),
            (2025, "2025-11-19"),
            (2026, "2026-11-18"),
        ] {
            let found: Vec<_> = holidays(year, "SN").into_iter().filter(|h| h.name == "Buß- und Bettag").collect();
            assert_eq!(found.len(), 1);
            assert_eq!(found[0].date, d(date), "{year}");
            assert!(!is_holiday(d(date), "BY"), "only Saxony");
        }
        for year in 1900..=2199 {
            let date = holidays(year, "SN").into_iter().find(|h| h.name == "Buß- und Bettag").unwrap().date;
            assert_eq!(date.weekday(), Weekday::Wed);
            assert!((16..=22).contains(&date.day()) && date.month() == 11, "{date}");
        }
    }

    #[test]
    fn deadline_two_holidays_on_one_day_2008() {
        let may1: Vec<_> =
            holidays(2008, "SL").into_iter().filter(|h| h.date == d("2008-05-01")).map(|h| h.name).collect();
        assert_eq!(may1, ["Tag der Arbeit", "Christi Himmelfahrt"]);
        assert_eq!(holiday_name(d("2008-05-01"), "SL"), Some("Tag der Arbeit"));
    }

    #[test]
    fn deadline_unknown_state_gets_the_nationwide_holidays() {
        assert_holidays(
            2026,
            "XX",
            &[
                ("2026-01-01", "Neujahr"),
                ("2026-04-03", "Karfreitag"),
                ("2026-04-06", "Ostermontag"),
                ("2026-05-01", "Tag der Arbeit"),
                ("2026-05-14", "Christi Himmelfahrt"),
                ("2026-05-25", "Pfingstmontag"),
                ("2026-10-03", "Tag der Deutschen Einheit"),
                ("2026-12-25", "1. Weihnachtstag"),
                ("2026-12-26", "2. Weihnachtstag"),
            ],
        );
        assert_eq!(holidays(2026, "sl"), holidays(2026, "XX"), "codes are matched exactly");
    }

    #[test]
    fn deadline_every_state_is_known_and_the_tables_use_only_known_states() {
        let nationwide = holidays(2026, "XX");
        for state in STATES {
            let list = holidays(2026, state);
            assert!(list.len() >= nationwide.len(), "{state}");
            for h in &nationwide {
                assert!(list.contains(h), "{state} lacks {h:?}");
            }
            assert!(list.windows(2).all(|w| w[0].date <= w[1].date), "{state} sorted");
        }
        for table in [
            HEILIGE_DREI_KOENIGE,
            FRONLEICHNAM,
            MARIAE_HIMMELFAHRT,
            REFORMATIONSTAG,
            REFORMATIONSTAG_FROM_2018,
            ALLERHEILIGEN,
            BUSS_UND_BETTAG,
            OSTER_PFINGSTSONNTAG,
        ] {
            for code in table {
                assert!(STATES.contains(code), "{code}");
            }
        }
        // In 2026 every state has at least one holiday of its own.
        for state in STATES {
            assert_ne!(holidays(2026, state), nationwide, "{state} has a holiday of its own");
        }
    }

    #[test]
    fn deadline_holiday_names_are_german() {
        assert_eq!(holiday_name(d("2026-06-04"), "SL"), Some("Fronleichnam"));
        assert_eq!(holiday_name(d("2026-06-04"), "BE"), None);
        assert_eq!(holiday_name(d("2026-12-24"), "SL"), None, "Heiligabend is no public holiday");
        assert_eq!(holiday_name(d("2026-12-31"), "SL"), None, "nor is Silvester");
        assert_eq!(holiday_name(d("2026-08-15"), "BY"), None, "only partially in Bavaria");
    }

    // --- business days ---------------------------------------------------------------------------

    #[test]
    fn deadline_business_day_rules() {
        // 2026-12-19 is a Saturday, 12-20 a Sunday, 12-25 a Friday holiday.
        assert!(is_business_day(d("2026-12-18"), Werktage, "SL"));
        assert!(is_business_day(d("2026-12-19"), Werktage, "SL"));
        assert!(!is_business_day(d("2026-12-19"), Arbeitstage, "SL"));
        assert!(!is_business_day(d("2026-12-20"), Werktage, "SL"));
        assert!(!is_business_day(d("2026-12-20"), Arbeitstage, "SL"));
        assert!(!is_business_day(d("2026-12-25"), Werktage, "SL"));
        assert!(!is_business_day(d("2026-12-25"), Arbeitstage, "SL"));
        assert!(is_business_day(d("2026-12-24"), Arbeitstage, "SL"));
        // Fronleichnam: a holiday in SL, an ordinary Thursday in Berlin.
        assert!(!is_business_day(d("2026-06-04"), Arbeitstage, "SL"));
        assert!(is_business_day(d("2026-06-04"), Arbeitstage, "BE"));
    }

    #[test]
    fn deadline_werktage_saturday_counts_but_does_not_end() {
        // Fri 18 Dec + 2: Sat 19 is day 1, Sun 20 skipped, Mon 21 is day 2.
        assert_eq!(add_business_days(d("2026-12-18"), 2, Werktage, "SL"), d("2026-12-21"));
        // Thu 17 Dec + 2: Fri 18 day 1, Sat 19 day 2 (last counted) → § 193 BGB → Mon 21.
        assert_eq!(add_business_days(d("2026-12-17"), 2, Werktage, "SL"), d("2026-12-21"));
        // Fri 18 Dec + 1: Sat 19 is day 1 and the last → Mon 21.
        assert_eq!(add_business_days(d("2026-12-18"), 1, Werktage, "SL"), d("2026-12-21"));
        // Saturday end moved past a holiday Monday: Thu 2 Apr 2026 + 1 Werktag: Fri 3 Karfreitag
        // skipped, Sat 4 day 1 → Sun 5, Mon 6 Ostermontag → Tue 7.
        assert_eq!(add_business_days(d("2026-04-02"), 1, Werktage, "SL"), d("2026-04-07"));
        // Arbeitstage never count the Saturday: Fri 18 Dec + 1 is Mon 21, + 2 is Tue 22.
        assert_eq!(add_business_days(d("2026-12-18"), 1, Arbeitstage, "SL"), d("2026-12-21"));
        assert_eq!(add_business_days(d("2026-12-18"), 2, Arbeitstage, "SL"), d("2026-12-22"));
        // Thu 2 Apr + 1 Arbeitstag: Fri 3 Karfreitag, Sat, Sun, Mon 6 Ostermontag; Tue 7 is day 1.
        assert_eq!(add_business_days(d("2026-04-02"), 1, Arbeitstage, "SL"), d("2026-04-07"));
    }

    #[test]
    fn deadline_around_easter_2026() {
        // Wed 1 Apr + 2 Werktage: Thu 2 day 1, Fri 3 Karfreitag, Sat 4 day 2 → Sun 5, Mon 6
        // Ostermontag → Tue 7.
        assert_eq!(add_business_days(d("2026-04-01"), 2, Werktage, "SL"), d("2026-04-07"));
        // Arbeitstage: Thu 2 day 1, Tue 7 day 2.
        assert_eq!(add_business_days(d("2026-04-01"), 2, Arbeitstage, "SL"), d("2026-04-07"));
        // Thu 2 Apr + 2 Werktage: Sat 4 day 1, Tue 7 day 2; + 3: Wed 8.
        assert_eq!(add_business_days(d("2026-04-02"), 2, Werktage, "SL"), d("2026-04-07"));
        assert_eq!(add_business_days(d("2026-04-02"), 3, Werktage, "SL"), d("2026-04-08"));
        // Thu 2 Apr + 10 Werktage: Sat 4 (1), Tue 7 (2), 8 (3), 9 (4), 10 (5), Sat 11 (6),
        // Mon 13 (7), 14 (8), 15 (9), Thu 16 (10).
        assert_eq!(add_business_days(d("2026-04-02"), 10, Werktage, "SL"), d("2026-04-16"));
        // Arbeitstage: 7 (1), 8, 9, 10 (4), 13 (5), 14, 15, 16, 17 (9), Mon 20 (10).
        assert_eq!(add_business_days(d("2026-04-02"), 10, Arbeitstage, "SL"), d("2026-04-20"));
    }

    #[test]
    fn deadline_around_christmas_2026() {
        // Tue 22 Dec + 2 Werktage: Wed 23 (1), Thu 24 (2): Heiligabend is an ordinary Werktag.
        assert_eq!(add_business_days(d("2026-12-22"), 2, Werktage, "SL"), d("2026-12-24"));
        // + 3: Fri 25 and Sat 26 holidays, Sun 27, Mon 28 (3).
        assert_eq!(add_business_days(d("2026-12-22"), 3, Werktage, "SL"), d("2026-12-28"));
        // Wed 23 + 2: Thu 24 (1), Mon 28 (2).
        assert_eq!(add_business_days(d("2026-12-23"), 2, Werktage, "SL"), d("2026-12-28"));
        // Fri 18 Dec + 10 Werktage: Sat 19 (1), Mon 21 (2), 22 (3), 23 (4), 24 (5), 25/26
        // holidays, Sun 27, Mon 28 (6), 29 (7), 30 (8), Thu 31 (9), Fri 1 Jan Neujahr,
        // Sat 2 Jan (10) → Sun 3 → Mon 2027-01-04.
        assert_eq!(add_business_days(d("2026-12-18"), 10, Werktage, "SL"), d("2027-01-04"));
        // Arbeitstage: 21 (1), 22, 23, 24 (4), 28 (5), 29, 30, 31 (8), Mon 4 Jan (9), Tue 5 (10).
        assert_eq!(add_business_days(d("2026-12-18"), 10, Arbeitstage, "SL"), d("2027-01-05"));
        // + 11: Wed 6 Jan is Heilige Drei Könige in Bavaria, not in Saarland.
        assert_eq!(add_business_days(d("2026-12-18"), 11, Arbeitstage, "SL"), d("2027-01-06"));
        assert_eq!(add_business_days(d("2026-12-18"), 11, Arbeitstage, "BY"), d("2027-01-07"));
    }

    #[test]
    fn deadline_zero_days_is_the_start_adjusted_by_193() {
        assert_eq!(add_business_days(d("2026-04-01"), 0, Werktage, "SL"), d("2026-04-01"));
        assert_eq!(add_business_days(d("2026-04-01"), 0, Arbeitstage, "SL"), d("2026-04-01"));
        // Sat 4 Apr 2026 is a Werktag, but a period does not end on a Saturday; Mon 6 Ostermontag.
        assert_eq!(add_business_days(d("2026-04-04"), 0, Werktage, "SL"), d("2026-04-07"));
        assert_eq!(add_business_days(d("2026-04-03"), 0, Arbeitstage, "SL"), d("2026-04-07"));
        assert_eq!(end_of_period(d("2026-12-19"), "SL"), d("2026-12-21"));
        assert_eq!(end_of_period(d("2026-12-24"), "SL"), d("2026-12-24"));
        assert_eq!(end_of_period(d("2026-12-25"), "SL"), d("2026-12-28"));
    }

    // --- the procedure ---------------------------------------------------------------------------

    #[test]
    fn deadline_for_submission() {
        let deadlines = Deadlines::for_submission(d("2026-12-18"), Werktage, "SL");
        assert_eq!(
            deadlines,
            Deadlines { acknowledgement: d("2026-12-21"), answer: d("2027-01-04"), final_answer: None }
        );
        let deadlines = Deadlines::for_submission(d("2026-12-18"), Arbeitstage, "SL");
        assert_eq!(
            deadlines,
            Deadlines { acknowledgement: d("2026-12-22"), answer: d("2027-01-05"), final_answer: None }
        );
        assert_eq!(final_answer(d("2026-12-18"), Werktage, "SL"), d("2027-01-04"));
        assert_eq!(final_answer(d("2026-04-02"), Arbeitstage, "SL"), d("2026-04-20"));
    }

    #[test]
    fn deadline_escalation_window() {
        // Answer Mon 4 May 2026. Werktage from Tue 5: 5 (1), 6, 7, Fri 8 (4), Sat 9 (5),
        // Mon 11 (6), 12, 13 (8), Thu 14 Himmelfahrt, Fri 15 (9), Sat 16 (10), Mon 18 (11), 19, 20,
        // 21, Fri 22 (15), Sat 23 (16), Sun 24, Mon 25 Pfingstmontag, Tue 26 (17), 27, 28,
        // Fri 29 (20).
        assert_eq!(escalation_window_end(d("2026-05-04"), Werktage, "SL"), d("2026-05-29"));
        // Arbeitstage: 5 (1), 6, 7, 8 (4), 11 (5), 12, 13 (7), 15 (8), 18 (9), 19, 20, 21,
        // 22 (13), 26 (14), 27, 28, 29 (17), Mon 1 Jun (18), 2 (19), Wed 3 (20).
        assert_eq!(escalation_window_end(d("2026-05-04"), Arbeitstage, "SL"), d("2026-06-03"));
        // One more: Thu 4 Jun is Fronleichnam in Saarland, not in Berlin.
        assert_eq!(add_business_days(d("2026-05-04"), 21, Arbeitstage, "SL"), d("2026-06-05"));
        assert_eq!(add_business_days(d("2026-05-04"), 21, Arbeitstage, "BE"), d("2026-06-04"));
        assert!(escalation_open(d("2026-05-04"), d("2026-05-29"), Werktage, "SL"));
        assert!(!escalation_open(d("2026-05-04"), d("2026-05-30"), Werktage, "SL"));
        assert!(escalation_open(d("2026-05-04"), d("2026-05-04"), Werktage, "SL"));
    }

    #[test]
    fn deadline_deadlines_serde() {
        let deadlines = Deadlines { acknowledgement: d("2026-12-21"), answer: d("2027-01-04"), final_answer: None };
        let json = serde_json::to_string(&deadlines).unwrap();
        assert_eq!(json, r#"{"acknowledgement":"2026-12-21","answer":"2027-01-04"}"#);
        assert_eq!(serde_json::from_str::<Deadlines>(&json).unwrap(), deadlines);
        let escalation = Deadlines { final_answer: Some(d("2027-01-04")), ..deadlines };
        let json = serde_json::to_string(&escalation).unwrap();
        assert_eq!(json, r#"{"acknowledgement":"2026-12-21","answer":"2027-01-04","final_answer":"2027-01-04"}"#);
        assert_eq!(serde_json::from_str::<Deadlines>(&json).unwrap(), escalation);
        assert!(serde_json::from_str::<Deadlines>(r#"{"acknowledgement":"21.12.2026","answer":"2027-01-04"}"#).is_err());
    }

    // --- properties ------------------------------------------------------------------------------

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        // 1900-01-01 ..= 2199-12-31
        let first = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(2199, 12, 31).unwrap();
        (0..=(last - first).num_days()).prop_map(move |days| first + TimeDelta::days(days))
    }

    fn any_rule() -> impl Strategy<Value = DeadlineRule> {
        prop_oneof![Just(Werktage), Just(Arbeitstage)]
    }

    fn any_state() -> impl Strategy<Value = &'static str> {
        proptest::sample::select(STATES.to_vec())
    }

    proptest! {
        #[test]
        fn deadline_prop_result_is_a_business_day(start in any_date(), n in 0u32..=40, rule in any_rule(), state in any_state()) {
            let end = add_business_days(start, n, rule, state);
            prop_assert!(is_business_day(end, Werktage, state));
            prop_assert!(is_business_day(end, Arbeitstage, state));
            prop_assert!(is_business_day(end, rule, state));
        }

        #[test]
        fn deadline_prop_later_than_start(start in any_date(), n in 1u32..=40, rule in any_rule(), state in any_state()) {
            prop_assert!(add_business_days(start, n, rule, state) > start);
        }

        #[test]
        fn deadline_prop_monotonic_in_n(start in any_date(), n in 0u32..=40, rule in any_rule(), state in any_state()) {
            prop_assert!(add_business_days(start, n, rule, state) <= add_business_days(start, n + 1, rule, state));
        }

        #[test]
        fn deadline_prop_monotonic_in_start(start in any_date(), later in 0i64..=20, n in 0u32..=40, rule in any_rule(), state in any_state()) {
            let other = start + TimeDelta::days(later);
            prop_assert!(add_business_days(start, n, rule, state) <= add_business_days(other, n, rule, state));
        }

        #[test]
        fn deadline_prop_counts_exactly_n_business_days(start in any_date(), n in 1u32..=40, rule in any_rule(), state in any_state()) {
            // Between start (exclusive) and the end, exactly n business days are counted, or n - 1
            // plus a counted Saturday when § 193 BGB moved a Werktage period off its Saturday
            // (then the end itself is the (n + 1)-th business day and is not counted).
            let end = add_business_days(start, n, rule, state);
            let mut day = start;
            let mut counted = 0;
            while day < end {
                day = day.succ_opt().unwrap();
                if is_business_day(day, rule, state) {
                    counted += 1;
                }
            }
            prop_assert!(counted == n || counted == n + 1, "counted {} for n {}", counted, n);
        }

        #[test]
        fn deadline_prop_werktage_never_later_than_arbeitstage(start in any_date(), n in 0u32..=40, state in any_state()) {
            prop_assert!(add_business_days(start, n, Werktage, state) <= add_business_days(start, n, Arbeitstage, state));
        }

        #[test]
        fn deadline_prop_holidays_sorted_in_year(year in 1900i32..=2199, state in any_state()) {
            let list = holidays(year, state);
            prop_assert!(list.windows(2).all(|w| w[0].date <= w[1].date));
            prop_assert!(list.iter().all(|h| h.date.year() == year && is_holiday(h.date, state)));
            prop_assert!(list.len() >= 9);
        }
    }
}
