namespace Identity.Server.Features.Email;

/// <summary>Masks an email address for logs and pages: <c>a•••@example.com</c>.</summary>
public static class EmailAddressMask
{
    public static string Mask(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return string.Empty;
        }

        var at = email.IndexOf('@');
        return at <= 0 ? "•••" : email[0] + "•••" + email[at..];
    }
}
