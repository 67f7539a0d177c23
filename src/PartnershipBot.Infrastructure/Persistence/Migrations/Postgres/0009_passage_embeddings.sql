-- Sentence-embedding vectors of ToR passages, keyed by model and the SHA-256 of the passage's normalised text, so
-- passages embedded at ingestion are not embedded again after a restart. A cache derived from the stored ToRs:
-- not exported (it is rebuilt from them), and a new model simply gets its own rows.
CREATE TABLE IF NOT EXISTS passage_embeddings (
    model TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    vector BYTEA NOT NULL,
    PRIMARY KEY (model, text_sha256));
