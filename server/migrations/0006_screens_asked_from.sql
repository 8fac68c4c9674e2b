-- A screen waiting for adoption remembers the network it asked from (an IPv4 address, or an
-- IPv6 /64), so that no one network can fill the waiting list and block the pairing of the
-- residence's screens. Adopted screens keep it, unused.
ALTER TABLE screens ADD COLUMN asked_from TEXT;
CREATE INDEX screens_waiting_by_network ON screens (asked_from, created_at) WHERE adopted_at IS NULL;
