//! Reading a QR code out of one camera frame, as the canvas gives it (RGBA,
//! row by row). Plain code, so it is tested natively.

/// The text of the first QR code in an RGBA frame `width` pixels wide, if
/// one reads. A frame too short for its size reads as nothing.
#[must_use]
pub fn read_qr(rgba: &[u8], width: usize, height: usize) -> Option<String> {
    if width == 0 || height == 0 || rgba.len() < width * height * 4 {
        return None;
    }
    let grey = |x: usize, y: usize| {
        let p = &rgba[(y * width + x) * 4..][..3];
        // Integer luma (BT.601); at most 255, so the narrowing keeps it all.
        let luma = (u32::from(p[0]) * 299 + u32::from(p[1]) * 587 + u32::from(p[2]) * 114) / 1000;
        u8::try_from(luma).unwrap_or(u8::MAX)
    };
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, grey);
    image.detect_grids().into_iter().find_map(|grid| grid.decode().ok().map(|(_, text)| text))
}

#[cfg(test)]
mod tests {
    use super::read_qr;

    /// `text` as a QR code in an RGBA frame: `scale` pixels a module, at
    /// (`left`, `top`) in a grey, slightly noisy picture, as a camera sees
    /// a screen held up to it.
    fn frame(text: &str, width: usize, height: usize, left: usize, top: usize, scale: usize) -> Vec<u8> {
        let code = qrcode::QrCode::new(text.as_bytes()).unwrap();
        let modules = code.width();
        let dark = code.to_colors();
        let mut rgba = Vec::with_capacity(width * height * 4);
        for y in 0..height {
            for x in 0..width {
                // A quiet zone of 4 modules round the code, as screens draw it.
                let (mx, my) = (
                    (x as isize - left as isize) / scale as isize - 4,
                    (y as isize - top as isize) / scale as isize - 4,
                );
                let inside =
                    x >= left && y >= top && (0..modules as isize).contains(&mx) && (0..modules as isize).contains(&my);
                let noise = ((x * 7 + y * 13) % 23) as u8;
                let shade = if inside && dark[my as usize * modules + mx as usize] == qrcode::Color::Dark {
                    20 + noise
                } else if x >= left && y >= top && x < left + (modules + 8) * scale && y < top + (modules + 8) * scale {
                    230 - noise
                } else {
                    120 + noise
                };
                rgba.extend_from_slice(&[shade, shade, shade.saturating_add(10), 255]);
            }
        }
        rgba
    }

    #[test]
    fn an_invite_held_up_to_the_camera_reads_back() {
        let text = "connect-companion:enrol?relay=http://127.0.0.1:8080&code=ABCD-EFGH-JKLM";
        assert_eq!(read_qr(&frame(text, 480, 360, 100, 40, 5), 480, 360).as_deref(), Some(text));
        // Off to one side and smaller.
        assert_eq!(read_qr(&frame(text, 480, 360, 260, 150, 3), 480, 360).as_deref(), Some(text));
    }

    #[test]
    fn a_frame_with_no_code_or_too_few_bytes_reads_as_nothing() {
        let blank: Vec<u8> = (0..320 * 240 * 4).map(|i| (i % 251) as u8).collect();
        assert_eq!(read_qr(&blank, 320, 240), None);
        assert_eq!(read_qr(&blank[..100], 320, 240), None, "a short frame is not read past its end");
        assert_eq!(read_qr(&[], 0, 0), None);
    }
}
