-- Version 3: the 'thai' search tokenizer now segments with text::WordBreaker (the PDFs' line
-- breaks: ICU and libthai agreeing, the office's keep-words whole) instead of ICU's word
-- iterator. Queries are tokenized the new way, so the index is rebuilt to match; it is
-- rebuildable (not audited) and no canonical row changes. Dates were already stored as CE ISO.
INSERT INTO entries_fts(entries_fts) VALUES ('rebuild');
