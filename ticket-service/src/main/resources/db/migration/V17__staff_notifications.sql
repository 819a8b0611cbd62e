-- Staff have no accounts: a staff member's mail setting belongs to the display name they sign in with, the same
-- name tickets.assignee holds. Apart from every table students read, as ticket_contact is.
CREATE TABLE staff_notification (
    staff_name text PRIMARY KEY,
    email      text,
    enabled    boolean NOT NULL DEFAULT true,
    updated_at timestamptz NOT NULL DEFAULT now()
);
