using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Domain.Identity;
using Vigil.Domain.Jurisdictions;
using Vigil.Domain.Notifications;
using Vigil.Domain.People;

namespace Vigil.Server.Data.Configurations;

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.Property(u => u.Username).HasMaxLength(64);
        builder.HasIndex(u => u.Username).IsUnique();
        builder.Property(u => u.DisplayName).HasMaxLength(150);
        builder.Property(u => u.PasswordHash).HasMaxLength(200);
        builder.Property(u => u.TotpSecret).HasMaxLength(64);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(u => u.WardPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasMaxLength(60);
        builder.Property(n => n.TitleVi).HasMaxLength(200);
        builder.Property(n => n.TitleEn).HasMaxLength(200);
        builder.HasIndex(n => new { n.RecipientUserId, n.CreatedAt });
    }
}
