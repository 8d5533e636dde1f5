using Microsoft.EntityFrameworkCore;
using Vigil.Domain.Notifications;
using Vigil.Server.Data;
using Vigil.Server.Security;

namespace Vigil.Server.Api;

/// <summary>Each user's own inbox: wearers, guardians and officers read their notifications here.</summary>
internal static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var inbox = api.MapGroup("/notifications").WithTags("Notifications");
        inbox.MapGet("", ListAsync);
        inbox.MapPost("/{id:guid}/read", MarkReadAsync);
    }

    /// <summary>Newest first; <c>unread=true</c> keeps the unread ones only (its total is the unread count).</summary>
    private static Task<PageOf<NotificationDto>> ListAsync(VigilDbContext db, CurrentUser me, bool? unread, int? page, int? pageSize,
        CancellationToken ct) =>
        db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == me.Id && (unread != true || n.ReadAt == null))
            .OrderByDescending(n => n.CreatedAt).ToPageAsync(page, pageSize, NotificationDto.From, ct);

    private static async Task<IResult> MarkReadAsync(Guid id, VigilDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientUserId == me.Id, ct)
            ?? throw new NotFoundException("id", "There is no such notification in your inbox.");
        notification.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}

public sealed record NotificationDto(Guid Id, Guid? PersonId, string Kind, string TitleVi, string TitleEn, string BodyVi, string BodyEn,
    DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static NotificationDto From(Notification n) => new(n.Id, n.PersonId, n.Kind, n.TitleVi, n.TitleEn, n.BodyVi, n.BodyEn, n.CreatedAt, n.ReadAt);
}
