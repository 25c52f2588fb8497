//! Value parsers for command-line numbers that have a floor: a rate limit, timeout or
//! parallelism of 0 is refused while parsing arguments, with a message saying what would go
//! wrong, instead of being silently raised to 1 or stalling a run. Durations (`90s`, `10m`,
//! `1h30m`, or plain seconds) and dates (`2025-01-31`) are parsed here too.

use std::str::FromStr;
use std::time::Duration;

/// A whole number of at least 1.
pub fn at_least_one<T>(text: &str) -> Result<T, String>
where
    T: FromStr + PartialOrd + From<u8>,
{
    let value: T = text
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a whole number"))?;
    if value < T::from(1) {
        return Err("it must be at least 1".to_owned());
    }
    Ok(value)
}

/// A finite number greater than 0 (a speed factor).
pub fn positive_number(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a number"))?;
    if !value.is_finite() || value <= 0.0 {
        return Err("it must be greater than 0".to_owned());
    }
    Ok(value)
}

/// A duration of at least a second: `90` or `90s`, `10m`, `2h`, or a sum such as `1h30m`.
pub fn duration(text: &str) -> Result<Duration, String> {
    at_least(parse_duration(text)?, Duration::from_secs(1), "1s")
}

/// Like [`duration`], but as short as 100 ms (how often to poll).
pub fn short_duration(text: &str) -> Result<Duration, String> {
    at_least(parse_duration(text)?, Duration::from_millis(100), "100ms")
}

/// Plain seconds, or numbers each followed by `ms`, `s`, `m` or `h`.
fn parse_duration(text: &str) -> Result<Duration, String> {
    let trimmed = text.trim();
    let wrong = || format!("`{text}` is not a duration such as 90s, 10m, 1h30m or 500ms");
    if let Ok(seconds) = trimmed.parse::<u64>() {
        return Ok(Duration::from_secs(seconds));
    }
    if trimmed.is_empty() {
        return Err(wrong());
    }
    let mut total = Duration::ZERO;
    let mut rest = trimmed;
    while !rest.is_empty() {
        let digits = rest
            .find(|character: char| !character.is_ascii_digit())
            .ok_or_else(wrong)?;
        if digits == 0 {
            return Err(wrong());
        }
        let number: u32 = rest[..digits].parse().map_err(|_| wrong())?;
        rest = &rest[digits..];
        let unit_length = rest
            .find(|character: char| character.is_ascii_digit())
            .unwrap_or(rest.len());
        let unit = match &rest[..unit_length] {
            "ms" => Duration::from_millis(1),
            "s" => Duration::from_secs(1),
            "m" => Duration::from_secs(60),
            "h" => Duration::from_secs(3600),
            _ => return Err(wrong()),
        };
        total = unit
            .checked_mul(number)
            .and_then(|part| total.checked_add(part))
            .ok_or_else(wrong)?;
        rest = &rest[unit_length..];
    }
    Ok(total)
}

fn at_least(value: Duration, floor: Duration, shown: &str) -> Result<Duration, String> {
    if value < floor {
        return Err(format!("it must be at least {shown}"));
    }
    Ok(value)
}

/// A calendar date, `yyyy-MM-dd`.
pub fn date(text: &str) -> Result<jiff::civil::Date, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a date as yyyy-MM-dd (e.g. 2025-01-31)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_people_write_them() {
        assert_eq!(duration("90"), Ok(Duration::from_secs(90)));
        assert_eq!(duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(duration("10m"), Ok(Duration::from_secs(600)));
        assert_eq!(duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(duration("0").unwrap_err(), "it must be at least 1s");
        assert!(duration("soon").unwrap_err().contains("not a duration"));
        assert!(duration("10x").unwrap_err().contains("not a duration"));
        assert!(duration("m").unwrap_err().contains("not a duration"));
        assert_eq!(short_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(short_duration("2s"), Ok(Duration::from_secs(2)));
        assert_eq!(
            short_duration("5ms").unwrap_err(),
            "it must be at least 100ms"
        );
        assert!(
            short_duration("fast")
                .unwrap_err()
                .contains("not a duration")
        );
        assert_eq!(positive_number("60"), Ok(60.0));
        assert_eq!(
            positive_number("0").unwrap_err(),
            "it must be greater than 0"
        );
        assert!(date("2025-02-30").is_err());
        assert_eq!(date("2025-01-31").unwrap().to_string(), "2025-01-31");
    }

    #[test]
    fn zero_and_garbage_are_refused_and_positive_numbers_pass() {
        assert_eq!(
            at_least_one::<u32>("0").unwrap_err(),
            "it must be at least 1"
        );
        assert_eq!(
            at_least_one::<u64>("-3").unwrap_err(),
            "`-3` is not a whole number"
        );
        assert_eq!(
            at_least_one::<usize>("ten").unwrap_err(),
            "`ten` is not a whole number"
        );
        assert_eq!(at_least_one::<u32>("20"), Ok(20));
        assert_eq!(at_least_one::<usize>("1"), Ok(1));
    }
}
