//! The README's examples of `daxin strategy`, `daxin wins` and `daxin
//! numbers` are what the tool prints, byte for byte: each ```text block
//! that starts with `$ daxin strategy|wins|numbers …` is run from the
//! repository's root and its stdout compared with the rest of the block.

use assert_cmd::Command;

const CHECKED: [&str; 3] = ["$ daxin strategy ", "$ daxin wins ", "$ daxin numbers "];

/// (command words, expected stdout) of every checked example.
fn examples(readme: &str) -> Vec<(Vec<String>, String)> {
    let mut out = Vec::new();
    let mut lines = readme.lines();
    while let Some(l) = lines.next() {
        if l != "```text" {
            continue;
        }
        let block: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
        let Some(first) = block.first() else { continue };
        if !CHECKED.iter().any(|c| first.starts_with(c)) {
            continue;
        }
        // the command, with its `\` continuation lines
        let mut cmd = String::new();
        let mut rest = block.iter();
        for l in rest.by_ref() {
            match l.strip_suffix('\\') {
                Some(head) => cmd.push_str(head),
                None => {
                    cmd.push_str(l);
                    break;
                }
            }
        }
        let words: Vec<String> = cmd
            .trim_start_matches("$ daxin ")
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let want: String = rest.map(|l| format!("{l}\n")).collect();
        out.push((words, want));
    }
    out
}

#[test]
fn the_readme_examples_are_what_the_tool_prints() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let all = examples(&readme);
    for c in CHECKED {
        let word = c.split_whitespace().nth(2).unwrap_or_default();
        assert!(
            all.iter().any(|(w, _)| w[0] == word),
            "no README example of {word}"
        );
    }
    for (words, want) in all {
        let out = Command::cargo_bin("daxin")
            .unwrap()
            .current_dir(root)
            .env_remove("DAXIN_CONFIG")
            .env_remove("DAXIN_LEDGER")
            .env("HOME", "/nonexistent")
            .env("XDG_CONFIG_HOME", "/nonexistent")
            .args(&words)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{words:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got = String::from_utf8(out.stdout).unwrap();
        if got != want {
            let first = got
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(got.lines().count().min(want.lines().count()));
            panic!(
                "README example `daxin {}` differs from line {} of its output:\n  printed: {:?}\n   README: {:?}",
                words.join(" "),
                first + 1,
                got.lines().nth(first),
                want.lines().nth(first)
            );
        }
    }
}
