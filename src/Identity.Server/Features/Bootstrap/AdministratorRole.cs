namespace Identity.Server.Features.Bootstrap;

/// <summary>The role that may manage the service.</summary>
public static class AdministratorRole
{
    public const string Name = "admin";
}
