-- The people who sign in to the console and the API, with their roles. Passwords are kept only as
-- PBKDF2 hashes (Jakarta Security's Pbkdf2PasswordHash format: algorithm:iterations:salt:hash).
CREATE TABLE person (
    username      varchar(100) PRIMARY KEY,
    display_name  varchar(200) NOT NULL,
    password_hash text         NOT NULL,
    roles         varchar(200) NOT NULL,   -- comma-separated: REQUESTER, APPROVER, OPERATOR, ADMIN
    enabled       boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    CHECK (username ~ '^[A-Za-z0-9._@-]{1,100}$')
);
