-- 0004_inquiries_performance: slot reserved; replaced by the feature's tables and indexes.
SELECT 1;
