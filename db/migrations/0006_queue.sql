-- 0006_queue: slot reserved; replaced by the feature's tables and indexes.
SELECT 1;
