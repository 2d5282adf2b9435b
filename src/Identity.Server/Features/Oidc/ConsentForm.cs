namespace Identity.Server.Features.Oidc;

/// <summary>The consent form posts the authorization request back with the user's answer.</summary>
public static class ConsentForm
{
    public const string Accept = "submit.Accept";
    public const string Deny = "submit.Deny";
    public const string AntiforgeryField = "__RequestVerificationToken";

    public static bool IsFormField(string name) => name is Accept or Deny or AntiforgeryField;
}
