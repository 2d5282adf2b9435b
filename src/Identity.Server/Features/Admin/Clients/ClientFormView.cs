namespace Identity.Server.Features.Admin.Clients;

/// <summary>What the client fields partial needs: the form, the scopes to offer, and whether the client is new.</summary>
public sealed record ClientFormView(ClientForm Form, IReadOnlySet<string> KnownScopes, bool IsNew);
