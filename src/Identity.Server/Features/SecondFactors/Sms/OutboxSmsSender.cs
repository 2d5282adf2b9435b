using System.Globalization;
using Identity.Server.Data;

namespace Identity.Server.Features.SecondFactors.Sms;

/// <summary>
/// Writes each text as a file under the data folder's <c>sms-outbox</c> instead of sending it, so the
/// one-command start works without Twilio. The log line names the file, never the code.
/// </summary>
public sealed class OutboxSmsSender(DataDirectory data, TimeProvider time, ILogger<OutboxSmsSender> logger) : ISmsSender
{
    public const string FolderName = "sms-outbox";

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.txt");
        var path = data.Combine(FolderName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, $"To: {message.To.E164}\n\n{message.Body}\n", cancellationToken);
        SmsLog.WrittenToOutbox(logger, message.To.ToString(), name);
        return SmsSendResult.Sent;
    }
}
