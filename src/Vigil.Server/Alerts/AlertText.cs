using Vigil.Domain.Rules;

namespace Vigil.Server.Alerts;

/// <summary>What people read about alerts: Vietnamese (with full diacritics) first, English second.</summary>
internal static class AlertText
{
    public static (string Vi, string En) RuleName(RuleKind rule) => rule switch
    {
        RuleKind.Tamper => ("Phá hủy, làm ảnh hưởng hoạt động bình thường của thiết bị", "Destroying or affecting the normal operation of the device"),
        RuleKind.NotWorn => ("Không đeo thiết bị", "Not wearing the device"),
        RuleKind.SelfRemoval => ("Tự ý tháo thiết bị", "Self-removing the device"),
        RuleKind.BatteryDepleted => ("Để thiết bị hết pin quá 24 giờ", "Letting the battery run out for over 24 hours"),
        RuleKind.OutsideArea => ("Rời khỏi phạm vi đã đăng ký mà không trình báo", "Leaving the registered area without reporting"),
        RuleKind.ResidenceChangeUnreported => ("Thay đổi nơi cư trú mà không thông báo", "Changing residence without notification"),
        RuleKind.ArrivalNotReported => ("Không trình báo tại nơi cư trú mới trong 24 giờ", "No report to the new commune within 24 hours"),
        RuleKind.HotspotEntry => ("Vào địa điểm trọng điểm về ma túy", "Entering a known drug hotspot"),
        RuleKind.Offline => ("Thiết bị mất kết nối", "Device offline"),
        RuleKind.OverdueReattachment => ("Quá hạn đeo lại thiết bị", "Reattachment overdue"),
        RuleKind.OverdueMalfunctionReport => ("Quá hạn báo thiết bị hỏng", "Malfunction report overdue"),
        RuleKind.Gathering => ("Tụ tập bất thường", "Unusual gathering"),
        RuleKind.PossibleOverdose => ("Nghi sốc thuốc, quá liều — cần cấp cứu ngay", "Possible overdose — medical help needed now"),
        RuleKind.PossibleDrugUse => ("Dấu hiệu nghi sử dụng ma túy — chỉ để cán bộ xem xét, không phải vi phạm",
            "Possible drug use — for an officer to review, not a violation"),
        _ => (rule.ToString(), rule.ToString()),
    };

    /// <summary>"Vi phạm số 5: …" for a violation, the plain name otherwise.</summary>
    public static string ViolationVi(RuleKind rule) =>
        rule.ViolationNumber() is { } n ? $"Vi phạm số {n}: {RuleName(rule).Vi}" : RuleName(rule).Vi;
}
