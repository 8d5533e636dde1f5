using Microsoft.EntityFrameworkCore;
using Vigil.Domain.Audit;
using Vigil.Server.Data;

namespace Vigil.Server.Audit;

/// <summary>Walks the whole audit log in pages and checks the hash chain.</summary>
public sealed class AuditVerifier(VigilDbContext db)
{
    private const int PageSize = 5_000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        AuditEntry? previous = null;
        long count = 0;
        while (true)
        {
            var after = previous?.Sequence ?? 0;
            var page = await db.AuditEntries.AsNoTracking().Where(a => a.Sequence > after)
                .OrderBy(a => a.Sequence).Take(PageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                return new AuditVerification(true, count, null, null);
            }

            if (AuditChain.Verify(page, previous) is { } broken)
            {
                return new AuditVerification(false, count, broken.Sequence, broken.Reason);
            }

            count += page.Count;
            previous = page[^1];
        }
    }
}

/// <summary>The result of checking the audit chain.</summary>
/// <param name="Valid">Whether every entry is intact and in place.</param>
/// <param name="EntriesChecked">How many entries were verified before the result.</param>
/// <param name="BrokenAt">The first entry that fails, if any.</param>
/// <param name="Reason">Why it fails.</param>
public sealed record AuditVerification(bool Valid, long EntriesChecked, long? BrokenAt, string? Reason);
