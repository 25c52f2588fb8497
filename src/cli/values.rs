//! Value parsers for command-line numbers that have a floor: a rate limit, timeout or
//! parallelism of 0 is refused while parsing arguments, with a message saying what would go
//! wrong, instead of being silently raised to 1 or stalling a run.

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
}
