//! Value parsers for command-line numbers that have a floor: a rate limit, timeout or
//! parallelism of 0 is refused while parsing arguments, with a message saying what would go
//! wrong, instead of being silently raised to 1 or stalling a run; and durations (`90s`,
//! `10m`, `1h30m`, or plain seconds).

use std::str::FromStr;

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

/// A duration of at least one second: `90s`, `10m`, `1h30m`, `PT5M`, or a number of seconds.
pub fn duration(text: &str) -> Result<std::time::Duration, String> {
    let text = text.trim();
    let parsed = match text.parse::<u64>() {
        Ok(seconds) => std::time::Duration::from_secs(seconds),
        Err(_) => {
            let signed: jiff::SignedDuration = text
                .parse()
                .map_err(|_| format!("`{text}` is not a duration (for example 90s, 10m, 1h30m)"))?;
            std::time::Duration::try_from(signed).map_err(|_| format!("`{text}` is negative"))?
        }
    };
    if parsed < std::time::Duration::from_secs(1) {
        return Err("it must be at least one second".to_owned());
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn durations_read_as_people_write_them() {
        use std::time::Duration;
        assert_eq!(duration("10m"), Ok(Duration::from_secs(600)));
        assert_eq!(duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(duration("45"), Ok(Duration::from_secs(45)));
        assert_eq!(
            duration("0s").unwrap_err(),
            "it must be at least one second"
        );
        assert!(duration("soon").unwrap_err().contains("not a duration"));
    }
}
