-- API tokens that expire and can be revoked (issue 15). Written by hand: two nullable columns
-- added with ALTER TABLE ... ADD COLUMN, so "ApiToken" is not rebuilt. NULL expiresAt: the
-- token never expires; NULL revokedAt: not revoked. lastUsedAt exists since the comments migration.

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN "expiresAt" DATETIME;
ALTER TABLE "ApiToken" ADD COLUMN "revokedAt" DATETIME;
