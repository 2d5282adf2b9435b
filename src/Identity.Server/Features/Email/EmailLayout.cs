using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Identity.Server.Features.Email;

/// <summary>Renders <see cref="EmailContent"/> as a plain text body and an HTML body. Every value is
/// HTML-encoded: a product name or link must never become markup.</summary>
public static class EmailLayout
{
    // Letters of every script stay readable; markup characters, quotes and '+' are encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static EmailMessage Render(string to, EmailContent content, CultureInfo culture) =>
        new(to, content.Subject, Text(content), Markup(content, culture));

    private static string Text(EmailContent content)
    {
        var text = new StringBuilder().Append(content.Greeting).Append("\n\n");
        foreach (var paragraph in content.Paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }

        foreach (var action in content.Actions)
        {
            text.Append(action.Label).Append(":\n").Append(action.Url).Append("\n\n");
        }

        foreach (var paragraph in content.Closing)
        {
            text.Append(paragraph).Append("\n\n");
        }

        return text.Append("-- \n").Append(content.Footer).Append('\n').ToString();
    }

    private static string Markup(EmailContent content, CultureInfo culture)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(Html.Encode(culture.TwoLetterISOLanguageName)).Append("\">\n")
            .Append("<head><meta charset=\"utf-8\"><title>").Append(Html.Encode(content.Subject)).Append("</title></head>\n<body>\n");
        Paragraph(html, content.Greeting);
        content.Paragraphs.ToList().ForEach(paragraph => Paragraph(html, paragraph));
        foreach (var action in content.Actions)
        {
            html.Append("<p><a href=\"").Append(Html.Encode(action.Url)).Append("\">").Append(Html.Encode(action.Label)).Append("</a></p>\n");
        }

        content.Closing.ToList().ForEach(paragraph => Paragraph(html, paragraph));
        if (content.Actions.Count > 0)
        {
            html.Append("<p>").Append(Html.Encode(content.LinkHint));
            foreach (var action in content.Actions)
            {
                html.Append("<br>\n").Append(Html.Encode(action.Url));
            }

            html.Append("</p>\n");
        }

        html.Append("<hr>\n");
        Paragraph(html, content.Footer);
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static void Paragraph(StringBuilder html, string text) => html.Append("<p>").Append(Html.Encode(text)).Append("</p>\n");
}
