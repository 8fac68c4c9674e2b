//! A contact's phone number and e-mail address as the residence takes them: on a programme's
//! contact, a sign-up and a short-stay request alike.

/// Digits, spaces and `+().-`, 9 to 15 digits: a Swiss number written any usual way.
pub fn is_phone(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (9..=15).contains(&digits) && phone.chars().all(|c| c.is_ascii_digit() || " +().-".contains(c))
}

/// An address a `mailto:` link can hold as it is: a local part of letters, digits and `._%+-`,
/// and a domain of dotted labels. RFC 5322 allows more (`&`, `?`, quoted strings), which no
/// residence needs and which would change what a `mailto:` link does; so no crate for it.
pub fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    let local_ok = !local.is_empty()
        && local.chars().all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |label: &&str| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    let top_level_ok = labels.last().is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    local_ok && labels.len() >= 2 && labels.iter().all(label_ok) && top_level_ok && email.len() <= 254
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_is_an_address_a_mailto_link_can_hold_and_nothing_more() {
        for good in ["prevention@example.ch", "marie.favre+cms@cms-sierre.ch", "a_b%c@sub.domain.example"] {
            assert!(is_email(good), "{good}");
        }
        let bad = [
            "prevention.example.ch",
            "a@b",
            "a@b.c",
            "javascript:alert(1)@example.ch",
            "a@example.ch?subject=x",
            "a&b@example.ch",
            "a@example.ch&cc=x@evil.example",
            "a @example.ch",
            ".a@example.ch",
            "a..b@example.ch",
            "a@-example.ch",
            "a@example..ch",
        ];
        for address in bad {
            assert!(!is_email(address), "{address}");
        }
    }

    #[test]
    fn swiss_phone_numbers_are_accepted() {
        for phone in ["+41 27 455 00 00", "027 455 00 00", "0274550000"] {
            assert!(is_phone(phone), "{phone}");
        }
    }
}
