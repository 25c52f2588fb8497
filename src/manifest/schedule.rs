//! Checks of periodic schedules before any API call: Quartz-style crontab expressions (the
//! form WeData's CrontabExpression takes, e.g. `0 30 2 * * ? *`), `yyyy-MM-dd HH:mm:ss` and
//! `HH:mm` times, `UTC±N` time zones, and the cyclic dependency settings of upstreams.
//!
//! Each check returns a message saying what was expected; `check` adds file, line and column.

/// One crontab field: its name, its numeric range and the names it accepts.
struct Field {
    name: &'static str,
    minimum: u32,
    maximum: u32,
    names: &'static [&'static str],
    /// `?` ("no specific value") is allowed (day-of-month and day-of-week only).
    question_mark: bool,
    /// `L`, `W`, `LW` and `#` (last, weekday, nth weekday) are allowed.
    special: &'static [&'static str],
}

const MONTH_NAMES: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
const DAY_NAMES: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

const FIELDS: [Field; 7] = [
    Field {
        name: "seconds",
        minimum: 0,
        maximum: 59,
        names: &[],
        question_mark: false,
        special: &[],
    },
    Field {
        name: "minutes",
        minimum: 0,
        maximum: 59,
        names: &[],
        question_mark: false,
        special: &[],
    },
    Field {
        name: "hours",
        minimum: 0,
        maximum: 23,
        names: &[],
        question_mark: false,
        special: &[],
    },
    Field {
        name: "day-of-month",
        minimum: 1,
        maximum: 31,
        names: &[],
        question_mark: true,
        special: &["L", "W", "LW"],
    },
    Field {
        name: "month",
        minimum: 1,
        maximum: 12,
        names: &MONTH_NAMES,
        question_mark: false,
        special: &[],
    },
    Field {
        name: "day-of-week",
        minimum: 1,
        maximum: 7,
        names: &DAY_NAMES,
        question_mark: true,
        special: &["L", "#"],
    },
    Field {
        name: "year",
        minimum: 1970,
        maximum: 2099,
        names: &[],
        question_mark: false,
        special: &[],
    },
];

/// Checks a Quartz-style expression: 6 or 7 fields (`seconds minutes hours day-of-month month
/// day-of-week [year]`), each `*`, `?`, a value, a range `a-b`, a step `a/b` or `*/b`, or a
/// comma list of those; exactly one of day-of-month and day-of-week is `?`.
pub fn check_crontab(expression: &str) -> Result<(), String> {
    let fields: Vec<&str> = expression.split_whitespace().collect();
    if !(6..=7).contains(&fields.len()) {
        return Err(format!(
            "`{expression}` has {} fields; a crontab has 6 or 7: seconds minutes hours day-of-month month day-of-week [year], e.g. `0 30 2 * * ? *`",
            fields.len()
        ));
    }
    for (text, field) in fields.iter().zip(FIELDS.iter()) {
        check_field(text, field)?;
    }
    let day_of_month = fields[3];
    let day_of_week = fields[5];
    match (day_of_month == "?", day_of_week == "?") {
        (true, true) => Err(format!(
            "`{expression}`: day-of-month and day-of-week are both `?`; set one of them (e.g. `*` for every day)"
        )),
        (false, false) => Err(format!(
            "`{expression}`: day-of-month (`{day_of_month}`) and day-of-week (`{day_of_week}`) are both set; one of them must be `?`"
        )),
        _ => Ok(()),
    }
}

fn check_field(text: &str, field: &Field) -> Result<(), String> {
    let name = field.name;
    if text == "?" {
        return if field.question_mark {
            Ok(())
        } else {
            Err(format!("`?` is not allowed in the {name} field"))
        };
    }
    for part in text.split(',') {
        check_part(part, field)
            .map_err(|reason| format!("the {name} field `{text}` is not valid: {reason}"))?;
    }
    Ok(())
}

fn check_part(part: &str, field: &Field) -> Result<(), String> {
    if part.is_empty() {
        return Err("an empty list item".into());
    }
    if field.special.contains(&part) {
        return Ok(());
    }
    // `5L` (last Friday) in day-of-week, `15W` (nearest weekday) in day-of-month.
    if let Some(value) = part
        .strip_suffix('L')
        .filter(|_| field.special.contains(&"L"))
    {
        return value_in_range(value, field).map(|_| ());
    }
    if let Some(value) = part
        .strip_suffix('W')
        .filter(|_| field.special.contains(&"W"))
    {
        return value_in_range(value, field).map(|_| ());
    }
    if let Some((value, nth)) = part
        .split_once('#')
        .filter(|_| field.special.contains(&"#"))
    {
        value_in_range(value, field)?;
        return match nth.parse::<u32>() {
            Ok(1..=5) => Ok(()),
            _ => Err(format!(
                "`#{nth}` must be 1 to 5 (the nth weekday of the month)"
            )),
        };
    }
    let (range, step) = match part.split_once('/') {
        Some((range, step)) => (range, Some(step)),
        None => (part, None),
    };
    if let Some(step) = step {
        match step.parse::<u32>() {
            Ok(step) if step >= 1 && step <= field.maximum.max(1) => {}
            _ => return Err(format!("the step `/{step}` must be a number from 1")),
        }
    }
    if range == "*" {
        return Ok(());
    }
    match range.split_once('-') {
        Some((low, high)) => {
            let low = value_in_range(low, field)?;
            let high = value_in_range(high, field)?;
            if low > high {
                return Err(format!("the range `{range}` runs backwards"));
            }
            Ok(())
        }
        None => value_in_range(range, field).map(|_| ()),
    }
}

fn value_in_range(text: &str, field: &Field) -> Result<u32, String> {
    let upper = text.to_ascii_uppercase();
    if let Some(position) = field.names.iter().position(|name| *name == upper) {
        return Ok(field.minimum + position as u32);
    }
    let value: u32 = text.parse().map_err(|_| {
        if field.names.is_empty() {
            format!("`{text}` is not a number")
        } else {
            format!(
                "`{text}` is neither a number nor one of {}",
                field.names.join(", ")
            )
        }
    })?;
    if value < field.minimum || value > field.maximum {
        return Err(format!(
            "{value} is outside {}..{}",
            field.minimum, field.maximum
        ));
    }
    Ok(value)
}

/// `yyyy-MM-dd HH:mm:ss`, a real date and time.
pub fn parse_date_time(text: &str) -> Result<jiff::civil::DateTime, String> {
    jiff::civil::DateTime::strptime("%Y-%m-%d %H:%M:%S", text).map_err(|_| {
        format!("`{text}` is not a date and time of the form yyyy-MM-dd HH:mm:ss (e.g. 2025-01-01 00:00:00)")
    })
}

/// `HH:mm`, a real time of day.
pub fn parse_time_of_day(text: &str) -> Result<jiff::civil::Time, String> {
    let well_formed = text.len() == 5 && text.as_bytes()[2] == b':';
    well_formed
        .then(|| jiff::civil::Time::strptime("%H:%M", text).ok())
        .flatten()
        .ok_or_else(|| format!("`{text}` is not a time of day of the form HH:mm (e.g. 02:30)"))
}

/// `UTC+8`, `UTC-5`, `UTC+5:30`, `UTC`.
pub fn check_time_zone(text: &str) -> Result<(), String> {
    let invalid = || format!("`{text}` is not a time zone of the form UTC+N or UTC-N (e.g. UTC+8)");
    let Some(offset) = text.strip_prefix("UTC") else {
        return Err(invalid());
    };
    if offset.is_empty() {
        return Ok(());
    }
    let (sign, rest) = offset.split_at(1);
    if sign != "+" && sign != "-" {
        return Err(invalid());
    }
    let (hours, minutes) = rest.split_once(':').unwrap_or((rest, "0"));
    match (hours.parse::<u32>(), minutes.parse::<u32>()) {
        (Ok(hours), Ok(minutes)) if hours <= 14 && minutes < 60 => Ok(()),
        _ => Err(invalid()),
    }
}

/// From the MainCyclicConfig document of DependencyTaskBrief in api.json.
pub const MAIN_CYCLIC_CONFIGS: [&str; 13] = [
    "CRONTAB",
    "DAY",
    "HOUR",
    "LIST_DAY",
    "LIST_HOUR",
    "LIST_MINUTE",
    "MINUTE",
    "MONTH",
    "RANGE_DAY",
    "RANGE_HOUR",
    "RANGE_MINUTE",
    "WEEK",
    "YEAR",
];

/// From the SubordinateCyclicConfig document of DependencyTaskBrief in api.json.
pub const SUBORDINATE_CYCLIC_CONFIGS: [&str; 23] = [
    "ALL_DAY_OF_YEAR",
    "ALL_MONTH_OF_YEAR",
    "CURRENT",
    "CURRENT_DAY",
    "CURRENT_HOUR",
    "CURRENT_MINUTE",
    "CURRENT_MONTH",
    "CURRENT_WEEK",
    "CURRENT_YEAR",
    "PREVIOUS_BEGIN_OF_MONTH",
    "PREVIOUS_DAY",
    "PREVIOUS_DAY_LATER_OFFSET_HOUR",
    "PREVIOUS_DAY_LATER_OFFSET_MINUTE",
    "PREVIOUS_END_OF_MONTH",
    "PREVIOUS_FRIDAY",
    "PREVIOUS_HOUR",
    "PREVIOUS_HOUR_CYCLE",
    "PREVIOUS_HOUR_LATER_OFFSET_MINUTE",
    "PREVIOUS_MINUTE_CYCLE",
    "PREVIOUS_MONTH",
    "PREVIOUS_WEEK",
    "PREVIOUS_WEEKEND",
    "RECENT_DATE",
];

/// PollingNullStrategy values (DependencyStrategyTask).
pub const POLLING_NULL_STRATEGIES: [&str; 2] = ["WAITING", "EXECUTING"];
/// TaskDependencyExecutingStrategies values (DependencyStrategyTask).
pub const EXECUTING_STRATEGIES: [&str; 3] = ["NOT_EXIST", "PARENT_EXPIRED", "PARENT_TIMEOUT"];

/// The dependency a plain upstream name means: the same cycle, current instance (what the
/// WeData console sets when tasks of one cycle are linked).
pub fn default_cyclic_config(cycle_type: &str) -> (&'static str, &'static str) {
    match cycle_type {
        "CRONTAB_CYCLE" => ("CRONTAB", "CURRENT"),
        "MINUTE_CYCLE" => ("MINUTE", "CURRENT_MINUTE"),
        "HOUR_CYCLE" => ("HOUR", "CURRENT_HOUR"),
        "WEEK_CYCLE" => ("WEEK", "CURRENT_WEEK"),
        "MONTH_CYCLE" => ("MONTH", "CURRENT_MONTH"),
        "YEAR_CYCLE" => ("YEAR", "CURRENT_YEAR"),
        _ => ("DAY", "CURRENT_DAY"),
    }
}

/// The CycleType WeData assumes when none is given.
pub const DEFAULT_CYCLE_TYPE: &str = "DAY_CYCLE";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crontabs_wedata_documents_are_accepted() {
        for expression in [
            "0 0 0 * * ? *",
            "0 30 2 * * ?",
            "0 2 3 1,L,2 * ?",
            "0 */15 * * * ? *",
            "0 0 8-18/2 ? * MON-FRI",
            "0 0 1 ? * 6L",
            "0 0 1 ? * 2#1 2025",
            "0 0 0 15W * ?",
            "0 0 0 LW jan-mar ? *",
        ] {
            assert_eq!(check_crontab(expression), Ok(()), "{expression}");
        }
    }

    #[test]
    fn broken_crontabs_say_which_field_is_wrong() {
        let cases = [
            ("0 0 0 * *", "has 5 fields"),
            ("0 60 0 * * ?", "minutes field `60`"),
            ("0 0 24 * * ?", "hours field `24`"),
            ("0 0 0 * * *", "one of them must be `?`"),
            ("0 0 0 ? * ?", "both `?`"),
            ("0 0 0 * 13 ?", "month field `13`"),
            ("0 0 0 * FOO ?", "neither a number nor one of"),
            ("? 0 0 * * ?", "`?` is not allowed in the seconds field"),
            ("0 0 5-1 * * ?", "runs backwards"),
            ("0 0/0 0 * * ?", "step `/0`"),
            ("0 0 0 * * ? 1900", "year field `1900`"),
        ];
        for (expression, expected) in cases {
            let error = check_crontab(expression).unwrap_err();
            assert!(error.contains(expected), "{expression}: {error}");
        }
    }

    #[test]
    fn times_and_zones_are_checked() {
        assert!(parse_date_time("2025-01-01 00:00:00").is_ok());
        assert!(parse_date_time("2025-02-30 00:00:00").is_err());
        assert!(parse_date_time("2025-01-01").is_err());
        assert!(parse_time_of_day("02:30").is_ok());
        assert!(parse_time_of_day("24:00").is_err());
        assert!(parse_time_of_day("2:30").is_err());
        for zone in ["UTC", "UTC+8", "UTC-5", "UTC+5:30"] {
            assert_eq!(check_time_zone(zone), Ok(()), "{zone}");
        }
        for zone in ["GMT+8", "UTC8", "UTC+15", "Asia/Shanghai"] {
            assert!(check_time_zone(zone).is_err(), "{zone}");
        }
    }

    #[test]
    fn plain_upstreams_mean_the_same_cycle() {
        assert_eq!(default_cyclic_config("DAY_CYCLE"), ("DAY", "CURRENT_DAY"));
        assert_eq!(
            default_cyclic_config("HOUR_CYCLE"),
            ("HOUR", "CURRENT_HOUR")
        );
        assert_eq!(
            default_cyclic_config("CRONTAB_CYCLE"),
            ("CRONTAB", "CURRENT")
        );
    }
}
