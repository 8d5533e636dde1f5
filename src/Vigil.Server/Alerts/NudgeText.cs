using System.Globalization;
using Vigil.Domain.Notifications;
using Vigil.Domain.Rules;
using Vigil.Domain.Time;

namespace Vigil.Server.Alerts;

/// <summary>The inbox message for a wearer nudge: to the wearer, or about the ward to a guardian. Times in Vietnam time.</summary>
internal static class NudgeText
{
    public const string BatteryLowKind = "battery-low";

    /// <param name="wardName">The wearer's name when the recipient is a guardian; null for the wearer.</param>
    public static Notification For(WearerNudge nudge, Guid recipient, Guid personId, string? wardName, DateTimeOffset now)
    {
        var (kind, titleVi, titleEn, bodyVi, bodyEn) = nudge.Kind switch
        {
            NudgeKind.LeftArea => ("left-area", "Đang ở ngoài phạm vi đăng ký", "Outside the registered area",
                $"Hãy quay lại phạm vi đăng ký trước {Due(nudge)} hoặc báo cáo chuyến đi với cán bộ quản lý. Rời khỏi phạm vi mà không báo cáo là vi phạm.",
                $"Return to the registered area before {DueEn(nudge)} or report the trip to the managing officer. Leaving it without reporting is a violation."),
            NudgeKind.MalfunctionReportDue => ("malfunction-report-due", "Vòng đeo báo lỗi", "The wristband reported a fault",
                $"Hãy báo cáo sự cố thiết bị cho cán bộ quản lý trước {Due(nudge)} (trong vòng 24 giờ).",
                $"Report the malfunction to the managing officer before {DueEn(nudge)} (within 24 hours)."),
            NudgeKind.ArrivalReportDue => ("arrival-report-due", "Trình báo với công an nơi cư trú mới", "Report to the new commune",
                $"Hãy trình báo với công an xã, phường nơi đến trước {Due(nudge)}: còn {HoursLeft(nudge, now)} giờ.",
                $"Report to the police of the new commune before {DueEn(nudge)}: {HoursLeft(nudge, now)} h left."),
            NudgeKind.ReattachmentDue => ("reattachment-due", "Đeo lại vòng đeo", "Have the wristband reattached",
                $"Thời gian tạm tháo thiết bị kết thúc lúc {Due(nudge)}. Hãy liên hệ công an xã, phường để đeo lại.",
                $"The temporary removal ends at {DueEn(nudge)}. Contact the commune police to have the device reattached."),
            _ => Battery(nudge),
        };
        return new Notification
        {
            RecipientUserId = recipient,
            PersonId = personId,
            Kind = kind,
            TitleVi = wardName is null ? titleVi : $"{wardName}: {titleVi}",
            TitleEn = wardName is null ? titleEn : $"{wardName}: {titleEn}",
            BodyVi = wardName is null ? bodyVi : $"Xin nhắc {wardName}: {bodyVi}",
            BodyEn = wardName is null ? bodyEn : $"Please remind {wardName}: {bodyEn}",
            CreatedAt = now,
        };
    }

    private static (string, string, string, string, string) Battery(WearerNudge nudge)
    {
        var level = nudge.BatteryPercent is { } p ? $"{p}%" : null;
        return (BatteryLowKind,
            level is null ? "Pin vòng đeo sắp hết" : $"Pin vòng đeo còn {level}",
            level is null ? "Wristband battery low" : $"Wristband battery at {level}",
            "Hãy sạc vòng đeo ngay; có thể sạc trong khi vẫn đeo. Để thiết bị hết pin mà không sạc lại trong vòng 24 giờ là vi phạm.",
            "Charge the wristband now; you can charge it while wearing it. Letting the battery run out and not recharging it within 24 hours is a violation.");
    }

    private static string Due(WearerNudge nudge) =>
        nudge.DueBy is { } due ? VietnamTime.ToLocal(due).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture) : "hạn định";

    private static string DueEn(WearerNudge nudge) =>
        nudge.DueBy is { } due ? VietnamTime.ToLocal(due).ToString("HH:mm 'on' dd/MM/yyyy", CultureInfo.InvariantCulture) + " (Vietnam time)" : "the deadline";

    private static int HoursLeft(WearerNudge nudge, DateTimeOffset now) =>
        nudge.DueBy is { } due ? Math.Max(0, (int)Math.Ceiling((due - now).TotalHours)) : 0;
}
