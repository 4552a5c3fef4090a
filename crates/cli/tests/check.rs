//! `doichieu check` on good and bad corpora: every problem by file and
//! reason, and exit 1 exactly when the build would fail.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn doichieu(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_doichieu"))
        .arg("check")
        .args(args)
        .output()
        .expect("doichieu runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("doichieu-check-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_default_corpus_passes() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let out = doichieu(&[&corpus]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("5 articles, 0 errors, 0 warnings: the build would succeed"),
        "{stderr}"
    );
}

#[test]
fn every_bad_file_is_named_with_its_reason_and_the_check_fails() {
    let dir = scratch("bad");
    fs::write(dir.join("latin1.txt"), b"Vi\xeat Nam").unwrap();
    fs::write(dir.join("empty.txt"), b"").unwrap();
    fs::write(dir.join("binary.md"), b"ab\0cd").unwrap();
    fs::write(dir.join("same.txt"), "Một bài.").unwrap();
    fs::write(dir.join("same.md"), "Một bài khác.").unwrap();
    fs::write(
        dir.join("good.txt"),
        "Tiêu đề\nNội dung <script>alert(1)</script>.",
    )
    .unwrap();
    fs::write(dir.join("notes.pdf"), b"%PDF").unwrap();
    let out = doichieu(&[&dir]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for expected in [
        "latin1.txt: is not UTF-8 text (byte 0xEA at line 1, column 3)",
        "empty.txt: is empty",
        "binary.md: is binary, not text",
        "same.txt: has the id \"same\", as",
        "warning: ",
        "good.txt: contains markup (<script>)",
        "2 articles, 4 errors, 1 warning: the build would fail",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    assert!(
        !stderr.contains("notes.pdf"),
        "files of other kinds in a folder are not articles"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_missing_path_and_a_file_of_another_kind_are_errors() {
    let dir = scratch("kinds");
    let pdf = dir.join("notes.pdf");
    fs::write(&pdf, b"%PDF").unwrap();
    let out = doichieu(&[&dir.join("nowhere"), &pdf]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("nowhere: cannot be read"), "{stderr}");
    assert!(
        stderr.contains("notes.pdf: is not an article file"),
        "{stderr}"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn warnings_alone_do_not_fail_the_check() {
    let dir = scratch("warn");
    fs::write(dir.join("a.txt"), "Tiêu đề\n<p>Đoạn văn</p>").unwrap();
    let out = doichieu(&[&dir]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn extract_gives_character_offsets_into_each_article_text() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let out = Command::new(env!("CARGO_BIN_EXE_doichieu"))
        .args(["extract", "--format", "json"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    let mut mentions = 0;
    for a in articles {
        let text: Vec<char> = a["text"].as_str().unwrap().chars().collect();
        for m in a["mentions"].as_array().unwrap() {
            let (start, end) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            let slice: String = text[start..end].iter().collect();
            assert_eq!(slice, m["text"].as_str().unwrap());
            assert!([
                "person",
                "organization",
                "location",
                "date",
                "title",
                "event"
            ]
            .contains(&m["type"].as_str().unwrap()));
            assert!(m["entity"]
                .as_str()
                .unwrap()
                .starts_with(m["type"].as_str().unwrap()));
            mentions += 1;
        }
    }
    assert!(mentions > 0);
    assert!(!json["entities"].as_array().unwrap().is_empty());
}
