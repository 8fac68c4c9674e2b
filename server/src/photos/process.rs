//! A photo as it is sent (a phone's camera, a PC's file) made into what the screens show: read
//! by its content, not its name (JPEG, PNG, WebP; an SVG, a renamed page or anything else is
//! refused); refused before it is decoded if it would decode too large (a decompression bomb: a
//! small file of 50,000 x 50,000 pixels); turned upright as its EXIF orientation says; then
//! re-encoded at each of the screens' widths as WebP and JPEG, which carry none of the original's
//! metadata (GPS position, camera, owner). Pure and synchronous: the server runs it on a blocking
//! thread, one photo at a time (`photos::add`).

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};
use plantzette_content::photo::{Format, MAX_MEGAPIXELS, WIDTHS};
use plantzette_content::ErrorCode;
use sha2::{Digest, Sha256};

/// No side longer than this, whatever the pixels: refused from the file's header.
const MAX_SIDE: u32 = 16_384;
/// What decoding may take: a photo of the most pixels as RGBA, and no more.
const MAX_ALLOC: u64 = MAX_MEGAPIXELS as u64 * 1_000_000 * 4;
const JPEG_QUALITY: u8 = 82;
const WEBP_QUALITY: f32 = 78.0;

/// A photo made: the largest size's pixels, the hash its files are named by, and its files.
pub struct Processed {
    pub width: u32,
    pub height: u32,
    pub hash: String,
    pub files: Vec<File>,
}

pub struct File {
    pub width: u32,
    pub format: Format,
    pub bytes: Vec<u8>,
}

/// Reads `bytes` as a photo and makes its sizes; the error says why it is refused.
pub fn process(bytes: &[u8]) -> Result<Processed, ErrorCode> {
    let mut reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|_| ErrorCode::NotAPhoto)?;
    match reader.format() {
        // The JPEG decoder fills what is missing with grey: a cut-off upload is refused instead.
        Some(ImageFormat::Jpeg) if !is_whole_jpeg(bytes) => return Err(ErrorCode::NotAPhoto),
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) => {}
        _ => return Err(ErrorCode::NotAPhoto),
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let too_large = ErrorCode::PhotoTooLarge { max_megapixels: MAX_MEGAPIXELS };
    let mut decoder = reader.into_decoder().map_err(|error| refusal(&error, &too_large))?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > u64::from(MAX_MEGAPIXELS) * 1_000_000 {
        return Err(too_large);
    }
    let orientation = decoder.orientation().map_err(|_| ErrorCode::NotAPhoto)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(|error| refusal(&error, &too_large))?;
    image.apply_orientation(orientation);
    let image = image.into_rgb8();
    let sizes = sizes(image);
    let largest = sizes.last().expect("at least one size");
    let (width, height) = largest.dimensions();
    let mut files = Vec::with_capacity(sizes.len() * 2);
    for size in &sizes {
        let mut jpeg = Vec::new();
        JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY).encode_image(size).map_err(|_| ErrorCode::NotAPhoto)?;
        let webp = webp::Encoder::from_rgb(size.as_raw(), size.width(), size.height()).encode(WEBP_QUALITY).to_vec();
        files.push(File { width: size.width(), format: Format::Webp, bytes: webp });
        files.push(File { width: size.width(), format: Format::Jpeg, bytes: jpeg });
    }
    let largest_jpeg = &files.last().expect("a JPEG of each size").bytes;
    let hash = Sha256::digest(largest_jpeg).iter().take(8).map(|byte| format!("{byte:02x}")).collect();
    Ok(Processed { width, height, hash, files })
}

/// The error a decoder gave: over the limits is a photo too large, anything else none at all.
fn refusal(error: &image::ImageError, too_large: &ErrorCode) -> ErrorCode {
    match error {
        image::ImageError::Limits(_) => too_large.clone(),
        _ => ErrorCode::NotAPhoto,
    }
}

/// Whether a JPEG's image reaches its end marker: its segments are walked (an EXIF thumbnail,
/// a JPEG of its own, sits inside one and is skipped), then each scan's data to the next marker,
/// until the end marker (EOI). Whatever follows it (a phone's motion photo) is no concern.
fn is_whole_jpeg(bytes: &[u8]) -> bool {
    const SOS: u8 = 0xDA;
    const EOI: u8 = 0xD9;
    let standalone = |marker: u8| marker == 0x01 || (0xD0..=0xD8).contains(&marker);
    let mut at = 2;
    while at + 1 < bytes.len() {
        if bytes[at] != 0xFF {
            return false;
        }
        let marker = bytes[at + 1];
        match marker {
            EOI => return true,
            0xFF => at += 1,
            _ if standalone(marker) => at += 2,
            _ => {
                let Some(length) = bytes.get(at + 2..at + 4).map(|l| usize::from(u16::from_be_bytes([l[0], l[1]]))) else { return false };
                at += 2 + length;
                if marker == SOS {
                    // The scan's data runs to the next marker that is not a stuffed byte or a restart.
                    while at + 1 < bytes.len() && !(bytes[at] == 0xFF && bytes[at + 1] != 0 && !(0xD0..=0xD7).contains(&bytes[at + 1])) {
                        at += 1;
                    }
                }
            }
        }
    }
    false
}

/// The photo at each of the screens' widths it reaches, smallest first, each made from the next
/// larger (a 12-megapixel photo is scaled down once at full size); a photo narrower than the
/// smallest width is kept at its own.
fn sizes(image: RgbImage) -> Vec<RgbImage> {
    let widths: Vec<u32> = WIDTHS.into_iter().filter(|w| *w < image.width()).collect();
    let mut sizes = vec![image];
    for width in widths.into_iter().rev() {
        let larger = sizes.last().expect("the photo itself first");
        let height = (u64::from(larger.height()) * u64::from(width) / u64::from(larger.width())).max(1) as u32;
        sizes.push(image::imageops::resize(larger, width, height, FilterType::Triangle));
    }
    // The photo itself stays only when it is no wider than the widest size.
    if sizes[0].width() > *WIDTHS.last().expect("widths") {
        sizes.remove(0);
    }
    sizes.reverse();
    sizes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let image = RgbImage::from_fn(width, height, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 128]));
        let mut bytes = Vec::new();
        JpegEncoder::new_with_quality(&mut bytes, 90).encode_image(&image).unwrap();
        bytes
    }

    #[test]
    fn a_photo_is_made_at_each_width_it_reaches_in_both_formats() {
        let made = process(&jpeg(2400, 1600)).unwrap();
        let widths: Vec<(u32, Format)> = made.files.iter().map(|f| (f.width, f.format)).collect();
        assert_eq!(
            widths,
            [(480, Format::Webp), (480, Format::Jpeg), (960, Format::Webp), (960, Format::Jpeg), (1920, Format::Webp), (1920, Format::Jpeg)]
        );
        assert_eq!((made.width, made.height), (1920, 1280));
        assert_eq!(made.hash.len(), 16);
        for file in &made.files {
            let read = image::load_from_memory(&file.bytes).unwrap();
            assert_eq!(read.width(), file.width);
        }
        // A small photo keeps its own width.
        let small = process(&jpeg(300, 200)).unwrap();
        assert_eq!(small.files.iter().map(|f| f.width).collect::<Vec<_>>(), [300, 300]);
        // Between two widths: the smaller ones, and itself.
        let medium = process(&jpeg(1200, 800)).unwrap();
        assert_eq!(medium.files.iter().map(|f| f.width).collect::<Vec<_>>(), [480, 480, 960, 960, 1200, 1200]);
    }

    #[test]
    fn what_is_no_photo_is_refused_by_its_content() {
        for not_a_photo in
            [&b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"[..], b"<!doctype html><title>x</title>", b"", b"GIF89a"]
        {
            assert_eq!(process(not_a_photo).err(), Some(ErrorCode::NotAPhoto));
        }
    }

    #[test]
    fn a_jpeg_cut_off_is_refused_and_one_with_more_after_its_end_is_not() {
        let whole = jpeg(640, 480);
        assert!(is_whole_jpeg(&whole));
        for cut in [whole.len() - 2, whole.len() * 3 / 5, 400] {
            assert_eq!(process(&whole[..cut]).err(), Some(ErrorCode::NotAPhoto), "cut at {cut} of {}", whole.len());
        }
        // A motion photo: the video after the image's end.
        let mut motion = whole.clone();
        motion.extend_from_slice(b"ftypmp42 and a video's bytes \xff\xd8");
        assert!(process(&motion).is_ok());
    }
}
