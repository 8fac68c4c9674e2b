-- Courses (content/src/programme/course.rs): a programme signed up for once, for all its
-- sessions. An enrolment is a row of `sign_ups` whose event is the programme (`programmes/3`),
-- its `event_ends_at` the course's last session (it follows sessions added or called off), so
-- that its personal data is erased a set number of days after the course, as any sign-up's.
-- Sign-ups for one session (`programmes/3/2026-12-10T14:00`) stay as they are.

-- Who came to each session of a course, ticked by staff (a sign-up for one event keeps its
-- `attendance` column). No personal data of its own: the row names the enrolment.
CREATE TABLE course_attendance (
    sign_up_id INTEGER NOT NULL REFERENCES sign_ups (id),
    session_starts_at TEXT NOT NULL,
    attendance TEXT NOT NULL CHECK (attendance IN ('present', 'absent', 'excused')),
    changed_at INTEGER NOT NULL,
    PRIMARY KEY (sign_up_id, session_starts_at)
);

-- The sessions of a course that were called off and whose enrolled people were told (by e-mail,
-- or put on the list to phone): each is told once. Not personal data.
CREATE TABLE course_sessions_called_off (
    event TEXT NOT NULL,
    session_starts_at TEXT NOT NULL,
    session_ends_at TEXT NOT NULL,
    told_at INTEGER NOT NULL,
    PRIMARY KEY (event, session_starts_at)
);
