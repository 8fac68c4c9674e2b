//! QR codes, drawn as SVG: a printed notice's link to its page, and the kiosk's link to an
//! event's sign-up page (nobody types personal data on the lobby screen: they scan it).

/// `link` as a QR code in SVG, dark on white, with its quiet zone and without an XML
/// declaration (it may go inside HTML); `None` when the link is too long for a QR code.
pub fn svg(link: &str) -> Option<String> {
    let code = qrcode::QrCode::new(link.as_bytes()).ok()?;
    let svg = code.render::<qrcode::render::svg::Color>().min_dimensions(160, 160).quiet_zone(true).build();
    svg.find("<svg").map(|start| svg[start..].to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_link_is_drawn_and_a_link_too_long_is_not() {
        let drawn = super::svg("https://plantzette.example.ch/activities").unwrap();
        assert!(drawn.starts_with("<svg") && drawn.ends_with("</svg>"), "{drawn}");
        assert!(super::svg(&format!("https://plantzette.example.ch/activities?{}", "x".repeat(4000))).is_none());
    }
}
