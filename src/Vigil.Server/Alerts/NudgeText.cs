using Vigil.Domain.Notifications;
using Vigil.Domain.Rules;

namespace Vigil.Server.Alerts;

/// <summary>The inbox message for a wearer nudge: to the wearer, or about the ward to a guardian.</summary>
internal static class NudgeText
{
    public const string BatteryLowKind = "battery-low";

    /// <param name="wardName">The wearer's name when the recipient is a guardian; null for the wearer.</param>
    public static Notification For(WearerNudge nudge, Guid recipient, Guid personId, string? wardName, DateTimeOffset now)
    {
        var level = nudge.BatteryPercent is { } p ? $"{p}%" : null;
        var (titleVi, titleEn) = (wardName, level) switch
        {
            (null, { } l) => ($"Pin vòng đeo còn {l}", $"Wristband battery at {l}"),
            (null, null) => ("Pin vòng đeo sắp hết", "Wristband battery low"),
            ({ } w, { } l) => ($"Pin vòng đeo của {w} còn {l}", $"{w}'s wristband battery at {l}"),
            ({ } w, null) => ($"Pin vòng đeo của {w} sắp hết", $"{w}'s wristband battery low"),
        };
        var (bodyVi, bodyEn) = wardName is null
            ? ("Hãy sạc vòng đeo ngay; có thể sạc trong khi vẫn đeo. Để thiết bị hết pin mà không sạc lại trong vòng 24 giờ là vi phạm.",
                "Charge the wristband now; you can charge it while wearing it. Letting the battery run out and not recharging it within 24 hours is a violation.")
            : ($"Xin nhắc {wardName} sạc vòng đeo ngay. Để thiết bị hết pin mà không sạc lại trong vòng 24 giờ là vi phạm.",
                $"Please remind {wardName} to charge the wristband now. Letting the battery run out and not recharging it within 24 hours is a violation.");
        return new Notification
        {
            RecipientUserId = recipient,
            PersonId = personId,
            Kind = BatteryLowKind,
            TitleVi = titleVi,
            TitleEn = titleEn,
            BodyVi = bodyVi,
            BodyEn = bodyEn,
            CreatedAt = now,
        };
    }
}
