-- Hosts per show (issue 13 item 4, docs/decisions/0014-hosts-per-show.md): a host edits and
-- moderates only the shows they hold a grant on; admins act on every show without one. A new
-- table only: nothing existing is rebuilt.

-- CreateTable
CREATE TABLE "ShowHost" (
    "userId" TEXT NOT NULL,
    "showId" INTEGER NOT NULL,
    "grantedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- Who granted it: an admin's user id, "operator" (the `npm run user` CLI) or "migration"
    -- (the upgrade below). Plain text, not a relation: the operator is no user.
    "grantedBy" TEXT NOT NULL,

    PRIMARY KEY ("userId", "showId"),
    CONSTRAINT "ShowHost_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ShowHost_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ShowHost_showId_idx" ON "ShowHost"("showId");

-- Nobody loses access on upgrade: every host hosted every show before, so every host gets a
-- grant on every show that exists now. Shows added later are granted one by one (by an admin,
-- or to the host who creates the show).
INSERT INTO "ShowHost" ("userId", "showId", "grantedAt", "grantedBy")
SELECT "User"."id", "Show"."id", strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), 'migration'
FROM "User" CROSS JOIN "Show"
WHERE "User"."role" = 'host';
