namespace Identity.Server.Features.Email;

/// <summary>An email to one recipient, in HTML and plain text.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody)
{
    /// <summary>Redacted: an email address is personal data and never goes into a log.</summary>
    public override string ToString() => $"EmailMessage {{ To = {EmailAddressMask.Mask(To)}, Subject = {Subject} }}";
}

/// <summary>The outcome of a send: the caller decides what to tell the user; nothing is thrown.</summary>
public enum EmailSendResult
{
    Sent,
    Failed,
}

/// <summary>Sends account email (confirmation, password reset, notices, codes).</summary>
public interface IEmailSender
{
    Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
