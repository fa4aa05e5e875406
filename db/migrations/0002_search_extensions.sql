-- Trigram search (FAQ, inquiries). On a managed server, the role needs CREATE on the database.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
