//! The default knowledge base, compiled into the binary so it opens anywhere.

macro_rules! kb_files {
    ($($name:literal),* $(,)?) => {
        /// Each file of `assets/kb/` as (file name, text), in name order.
        pub const FILES: &[(&str, &str)] = &[
            $(($name, include_str!(concat!("../../assets/kb/", $name))),)*
        ];
    };
}

/// The same knowledge base, compiled to postcard by the build script (empty if a file did
/// not parse).
pub const COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kb.postcard"));

kb_files![
    "ai-alliance.ron",
    "artifacts.ron",
    "edsafe-ai-alliance.ron",
    "european-ai-alliance.ron",
    "focus-areas.ron",
    "global-telco-ai-alliance.ron",
    "international-ai-alliance.ron",
    "ki-allianz-rheinland-pfalz.ron",
    "organizations.ron",
    "partnership-on-ai.ron",
    "scottish-ai-alliance.ron",
    "sources.ron",
    "united-ai-alliance.ron",
];

#[cfg(test)]
mod tests {
    use super::FILES;

    #[test]
    fn every_file_of_the_assets_folder_is_embedded() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/kb");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".ron"))
            .collect();
        on_disk.sort();
        let embedded: Vec<&str> = FILES.iter().map(|(n, _)| *n).collect();
        assert_eq!(on_disk, embedded);
    }

    #[test]
    fn the_compiled_form_is_the_valid_knowledge_base_of_the_files() {
        let from_files = crate::kb::load::load_embedded_ron().expect("the files are valid");
        assert!(
            !super::COMPILED.is_empty(),
            "the build script compiled them"
        );
        assert_eq!(crate::kb::load_embedded().unwrap(), from_files);
    }
}
