namespace Identity.Server.Features.Email;

/// <summary>What an email says, already localized; <see cref="EmailLayout"/> turns it into text and HTML.</summary>
public sealed record EmailContent(
    string Subject,
    string Greeting,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<EmailAction> Actions,
    IReadOnlyList<string> Closing,
    string LinkHint,
    string Footer);

/// <summary>A link the reader is asked to follow.</summary>
public sealed record EmailAction(string Label, string Url);
