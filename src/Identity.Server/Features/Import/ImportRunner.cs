using Identity.Server.Data;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace Identity.Server.Features.Import;

/// <summary>
/// The import command: read the file, validate all of it, then write all of it in one transaction.
/// Each entry is found first and then created, updated or left alone, so running the same file
/// again changes nothing.
/// </summary>
public sealed class ImportRunner(
    ApplicationDbContext db,
    IOpenIddictScopeManager scopeManager,
    IOpenIddictApplicationManager applicationManager,
    ImportPasswordRules passwords,
    ImportWriter writer,
    ILogger<ImportRunner> logger)
{
    public async Task<int> RunAsync(string path, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var read = await ImportFileReader.ReadAsync(path, cancellationToken);
        if (read is not ImportFileReadResult.Loaded { File: var file })
        {
            await errors.WriteLineAsync(((ImportFileReadResult.Failed)read).Message);
            return 1;
        }

        var problems = ImportValidator.Validate(file, await ExistingScopesAsync(cancellationToken), await ConfidentialClientsAsync(cancellationToken));
        await passwords.CheckAsync(file.Users, problems);
        foreach (var warning in problems.Warnings)
        {
            await errors.WriteLineAsync($"warning: {warning}");
        }

        if (problems.HasProblems)
        {
            foreach (var problem in problems.Problems)
            {
                await errors.WriteLineAsync(problem.ToString());
            }

            await errors.WriteLineAsync($"Nothing was imported: {path} has {problems.Problems.Count} problem(s).");
            ImportLog.Refused(logger, problems.Problems.Count);
            return 1;
        }

        return await WriteAsync(file, output, errors, cancellationToken);
    }

    private async Task<int> WriteAsync(ImportFile file, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        ImportReport report;
        try
        {
            report = await writer.WriteAsync(file, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (ImportFailedException exception)
        {
            await transaction.RollbackAsync(cancellationToken);
            ImportLog.RolledBack(logger, exception.Entry);
            await errors.WriteLineAsync(exception.Message);
            await errors.WriteLineAsync("Nothing was imported: the database refused the entry above, and every change was rolled back.");
            return 1;
        }

        foreach (var line in report.Lines)
        {
            await output.WriteLineAsync(line);
        }

        await output.WriteLineAsync(report.Summary);
        if (!report.ChangedAnything)
        {
            await output.WriteLineAsync("Nothing changed: the database already matches the file.");
        }

        ImportLog.Finished(logger, report.Summary);
        return 0;
    }

    private async Task<IReadOnlySet<string>> ExistingScopesAsync(CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var scope in scopeManager.ListAsync(count: null, offset: null, cancellationToken))
        {
            if (await scopeManager.GetNameAsync(scope, cancellationToken) is { } name)
            {
                names.Add(name);
            }
        }

        return names;
    }

    private async Task<IReadOnlySet<string>> ConfidentialClientsAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var application in applicationManager.ListAsync(count: null, offset: null, cancellationToken))
        {
            if (await applicationManager.HasClientTypeAsync(application, OpenIddictConstants.ClientTypes.Confidential, cancellationToken)
                && await applicationManager.GetClientIdAsync(application, cancellationToken) is { } clientId)
            {
                ids.Add(clientId);
            }
        }

        return ids;
    }
}
