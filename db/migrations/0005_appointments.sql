-- 0005_appointments: slot reserved; replaced by the feature's tables and indexes.
SELECT 1;
