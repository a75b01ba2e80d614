//! Format versions. A plan file may state `format` in its `[plan]` section; a file written for
//! another format is refused rather than misread. Plan bytes (postcard, embedded by build.rs or
//! handed from the import checker to the engine) start with `MAGIC` and the model's version, so
//! bytes from another build are refused too.

/// The plan file format this build reads (`[plan] format = 1`; files need not state it).
pub const FORMAT: u32 = 1;

/// The first bytes of plan bytes; the model's version (a hash of the model's source, computed by
/// build.rs) follows as 4 bytes little-endian.
pub const MAGIC: [u8; 4] = *b"YJPL";

/// `MAGIC` and `version`: what plan bytes start with.
pub fn header(version: u32) -> [u8; 8] {
    let v = version.to_le_bytes();
    [
        MAGIC[0], MAGIC[1], MAGIC[2], MAGIC[3], v[0], v[1], v[2], v[3],
    ]
}

/// The problem with a file's stated format, if any.
#[cfg(feature = "checker")]
pub fn format_problem(stated: Option<u32>) -> Option<String> {
    match stated {
        Some(f) if f != FORMAT => Some(format!(
            "预案文件格式版本{f}不是本程序支持的版本{FORMAT}:请用与之相符的程序版本读取,或按第{FORMAT}版格式改写"
        )),
        _ => None,
    }
}
