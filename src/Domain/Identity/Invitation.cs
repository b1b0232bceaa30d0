using System.Security.Cryptography;
using System.Text;

namespace Store.Domain.Identity;

/// <summary>An invitation, sent by e-mail, to join a customer account or a reseller with a role. Only its token's hash is kept.</summary>
public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private Invitation()
    {
    }

    public Guid Id { get; private set; }

    public Guid? CustomerId { get; private set; }

    public Guid? ResellerId { get; private set; }

    public string Email { get; private set; } = string.Empty;

    public MemberRole Role { get; private set; }

    public Guid InvitedBy { get; private set; }

    public string TokenHash { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Creates an invitation and returns the token to put in the link; the token itself is never stored.</summary>
    public static (Invitation Invitation, string Token) Create(Guid? customerId, Guid? resellerId, string email, MemberRole role, Guid invitedBy, DateTimeOffset now)
    {
        if ((customerId is null) == (resellerId is null))
        {
            throw new ArgumentException("An invitation is to one customer account or one reseller.");
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(now),
            CustomerId = customerId,
            ResellerId = resellerId,
            Email = email.Trim(),
            Role = role,
            InvitedBy = invitedBy,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        return (invitation, token);
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && now < ExpiresAt;

    public void Accept(DateTimeOffset now)
    {
        if (!IsOpen(now))
        {
            throw new InvalidOperationException("This invitation has expired, was revoked or was already used.");
        }

        AcceptedAt = now;
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
