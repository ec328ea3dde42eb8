-- Sign-in lockout: failed sign-ins in a row (any instance), and when the person was locked out after too
-- many; an admin unlocks (audited).
ALTER TABLE person ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0;
ALTER TABLE person ADD COLUMN locked_at timestamptz;
