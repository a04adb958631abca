//! What an invite's QR code says: the relay to join and the one-time code,
//! as `connect-companion:enrol?relay=…&code=…`. The coordinator's invite
//! panel draws it; a phone's camera reads it back into the enrolment form.

/// The start of every invite link.
const PREFIX: &str = "connect-companion:enrol?";

/// A relay and an invite code, as one QR code carries them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InviteLink {
    /// The team relay's address.
    pub relay: String,
    /// The one-time invite code.
    pub code: String,
}

impl InviteLink {
    /// The text to draw as a QR code.
    #[must_use]
    pub fn encode(&self) -> String {
        format!("{PREFIX}relay={}&code={}", self.relay, self.code)
    }

    /// Reads a scanned QR code: `None` unless it is an invite link with both
    /// a relay and a code (a QR code on a poster is not an invite).
    #[must_use]
    pub fn decode(text: &str) -> Option<Self> {
        let query = text.trim().strip_prefix(PREFIX)?;
        let (mut relay, mut code) = (None, None);
        for pair in query.split('&') {
            match pair.split_once('=') {
                Some(("relay", value)) if !value.is_empty() => relay = Some(value.to_owned()),
                Some(("code", value)) if !value.is_empty() => code = Some(value.to_owned()),
                _ => {}
            }
        }
        Some(Self { relay: relay?, code: code? })
    }
}

#[cfg(test)]
mod tests {
    use super::InviteLink;

    #[test]
    fn an_invite_link_reads_back_as_itself() {
        let link =
            InviteLink { relay: "https://relay.connect-east.example:8443".into(), code: "ABCD-EFGH-JKLM".into() };
        assert_eq!(
            link.encode(),
            "connect-companion:enrol?relay=https://relay.connect-east.example:8443&code=ABCD-EFGH-JKLM"
        );
        assert_eq!(InviteLink::decode(&link.encode()), Some(link.clone()));
        // Scanners often add a newline; the order of the fields does not matter.
        let swapped = "connect-companion:enrol?code=ABCD-EFGH-JKLM&relay=https://relay.connect-east.example:8443\n";
        assert_eq!(InviteLink::decode(swapped), Some(link));
    }

    #[test]
    fn other_qr_codes_are_not_invites() {
        for text in [
            "",
            "https://example.org/",
            "connect-companion:enrol?relay=https://r.example",
            "connect-companion:enrol?code=ABCD",
            "connect-companion:enrol?relay=&code=ABCD",
            "connect-companion:other?relay=https://r.example&code=ABCD",
        ] {
            assert_eq!(InviteLink::decode(text), None, "{text:?}");
        }
    }
}
