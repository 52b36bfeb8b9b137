// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The built-in rules describe categories of site furniture, never one site: no pattern names an outlet,
// a product or a person. Each whole-unit pattern must match the entire trimmed line (or sentence), which
// is what keeps them precise: an article sentence that mentions copyright law, a minister's comments or
// a newsletter is a sentence with a subject and a verb around those words, and no pattern allows that.

#include "pipeline/boilerplate/rules.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "pipeline/boilerplate/templates.h"

namespace neardup {
namespace {

// ---------------------------------------------------------------- pattern fragments
// Shared pieces of the built-in patterns. (?i:...) scopes case folding: names, outlets and datelines
// rely on capital letters, which a global (?i) would fold away.

const std::string kYear = R"((?:1[89]|2[01])\d\d)";
const std::string kMonth =
    R"((?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?)";
const std::string kWeekday =
    R"((?i:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?)";
const std::string kClock = R"((?:\d{1,2}[:.]\d\d|\d{1,2})\s*(?i:[ap]\.?m\.?|h|hrs)?(?:\s*\p{Lu}{2,4}\b)?)";
const std::string kDayNum = R"(\d{1,2}(?i:st|nd|rd|th)?)";
// A calendar date in the usual forms, optionally with a weekday before it and a time after it.
const std::string kDate = "(?:" + kWeekday + R"(,?\s+)?(?:)" + kMonth + R"(\s+)" + kDayNum + R"((?:,?\s+)" +
                          kYear + ")?|" + kDayNum + R"(\s+(?i:of\s+)?)" + kMonth + R"((?:,?\s+)" + kYear +
                          ")?|" + kMonth + R"(\s+)" + kYear +
                          R"(|\d{4}-\d\d-\d\d|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d\d)))" +
                          R"((?:(?:,|\s+(?i:at)|\s*[-–|])?\s*)" + kClock + ")?";
const std::string kAgo =
    R"((?:\d+|an?|one)\s+(?i:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\s+(?i:ago))";
// A time stamp of a byline or a post header.
const std::string kStamp = "(?:" + kDate + "|" + kAgo + "|" + kWeekday + "|" + kClock + ")";
const std::string kReadTime =
    R"((?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*-?\s*(?i:min(?:ute)?s?|m)\.?\s+(?i:read|reading(?: time)?)|(?i:reading time|read time|time to read)\s*:?\s*(?:\d+|one|two|three|four|five)\s*(?i:min(?:ute)?s?)\.?(?:\s+(?i:read))?))";
const std::string kMetaWord =
    R"((?i:updated|published|posted|last updated|last modified|modified|first published|created|date|edited|originally published|publication date)(?:\s+(?i:on|at))?\s*:?)";

// A person's name: capitalized words and the particles of names.
const std::string kNameWord = R"(\p{Lu}[\p{L}\p{M}'’.-]*)";
const std::string kName =
    kNameWord + R"((?:\s+(?:)" + kNameWord +
    R"(|de|da|del|della|di|van|von|der|den|bin|ibn|al|el|la|le|du|dos|das|ter|ten)){0,4})";
const std::string kJobAdj =
    R"((?i:senior|junior|chief|lead|principal|staff|contributing|associate|assistant|deputy|managing|executive|political|foreign|national|international|business|economics?|financial|finance|news|sports?|tech(?:nology)?|health|science|culture|arts?|entertainment|local|city|metro|world|digital|special|guest|investigative|legal|diplomatic|defen[cs]e|education|environment(?:al)?|climate|security|energy|markets?|data|video|photo|multimedia|social media|weekend|night|web|online|breaking news|general assignment|global|regional|state|white house|capitol|congressional|europe|asia|africa|middle east|latin america|opinion|features?|investigations?|politics|crime|courts?|transport(?:ation)?|property|real estate|travel|food|lifestyle|fashion|music|film|books|wire|freelance))";
const std::string kJobNoun =
    R"((?i:editors?|reporters?|writers?|correspondents?|journalists?|columnists?|contributors?|producers?|analysts?|desk|team|staff|bureau|interns?|fellows?|critics?|photographers?|anchors?|hosts?|editor-at-large|editor-in-chief|newsroom|bloggers?|commentators?|specialists?|author))";
const std::string kJobTitle = "(?:" + kJobAdj + R"(\s+){0,4})" + kJobNoun;
const std::string kAffiliation =
    R"((?:(?i:at|for|with|of)\s+)?(?:(?i:the)\s+)?)" + kNameWord + R"((?:\s+)" + kNameWord + "){0,3}";
const std::string kByWho =
    "(?:" + kName +
    R"(|(?i:admin|administrator|staff|editor|editorial (?:team|staff|board|desk)|newsroom|news desk|web desk|wire (?:services|staff|reports)|our (?:correspondent|reporter|staff|editorial team)|(?:staff|special) (?:reporter|correspondent|writer)|agencies|guest (?:author|writer|contributor))))";

const std::string kSocial =
    R"((?i:facebook|twitter|x|linkedin|reddit|telegram|pinterest|whatsapp|messenger|e-?mail|mail|print|sms|tumblr|flipboard|mastodon|threads|bluesky|vk|viber|pocket|copy(?: the)? link|copy url|link|share|tweet|pin(?: it)?|save|gmail|line|wechat|weibo|snapchat|instagram|youtube|tiktok|rss))";
const std::string kAppStore =
    R"((?i:(?:the )?(?:apple )?app store|google play(?: store)?|(?:the )?play store|ios|android|iphone|ipad|appgallery))";
const std::string kRelatedHead =
    R"((?i:you (?:may|might|could|will|would) also (?:like|enjoy|be interested in|want to read)|(?:related|similar|more|recommended|popular|latest|top|trending|further|other|featured|suggested|more top) (?:articles?|posts?|stories|news|reads?|reading|content|coverage|topics?|links?|videos?|headlines)|related|recommended(?: for you)?|(?:most )?(?:popular|read|viewed|shared|commented)(?: now| today| this week)?|most (?:popular|read|viewed|shared|commented)(?: stories| articles| posts)?|trending(?: now| stories| today| topics)?|(?:also|further|recommended|suggested|more) reading|read (?:more|next|also|this next)|see also|also (?:read|see)|don'?t miss|don’t miss|(?:more|latest) (?:from|on|in|stories from|news from|like this|stories like this)[^.!?\n]{0,40}|what to read next|up next|editor'?s? picks?|in other news|more stories|keep reading|in case you missed it|read this next|explore more|around the web))";
const std::string kLinkLead =
    R"((?i:read (?:more|also|next)|also read|related(?: (?:article|story|post|coverage|link|reading))?|see also|don'?t miss|don’t miss|recommended|more on this(?: story)?|must read|top story|in case you missed it|read this next))";
const std::string kLegalLink =
    R"((?i:privacy policy|privacy notice|privacy|terms of (?:use|service)|terms(?: (?:and|&) conditions)?|cookie policy|contact us|contact|about us|about|advertise(?: with us)?|sitemap|site map|careers|jobs|imprint|disclaimer|accessibility|corrections|rss|help|faq|newsletters|subscriptions?|ethics policy|editorial (?:policy|standards)))";
const std::string kEdge = R"([\s\-–—_*\[\](){}|~=•·.:]*)";
// The rest of a navigation line (a breadcrumb's trail, a linked headline): no sentence ends inside it
// ('.' only within a token, as in "U.S."), and it ends without a period. In text without line breaks
// this keeps a header line from swallowing the article sentence it runs into.
const std::string kTrail = R"((?:[^\n.!?]|\.\S){1,200}[?!]?)";

// Outlets and sources of an attribution lead-in: capitalized names or domain names.
const std::string kOutlet =
    R"((?:\p{Lu}[\p{L}\p{N}.&'’-]*|[\p{Ll}\p{N}][\p{L}\p{N}-]*\.\p{Ll}{2,6})(?:\s+\p{Lu}[\p{L}\p{N}.&'’-]*){0,3})";
const std::string kSource =
    R"((?:(?:(?:the|The)\s+)?\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{N}.&'’-]*|of|the|and|de|du|al|el|la|di)){0,5}|(?:(?:local|foreign|international|regional|state|national|[Ww]estern|\p{Lu}\p{Ll}+)\s+)?(?:media|press|sources|news agencies|outlets|reports)))";

std::vector<BoilerplateRule> MakeBuiltin() {
  std::vector<BoilerplateRule> r;
  auto add = [&r](std::string name, std::string category, std::string pattern) {
    r.push_back({std::move(name), std::move(category), std::move(pattern), true});
  };

  // copyright: copyright and legal notices.
  add("copyright.symbol", "copyright",
      R"((?i:(?:copyright|all content|content|text|photos?|images?)\s*)?(?:©|\((?i:c)\)|&copy;)[^\n]{0,250})");
  add("copyright.symbol-year", "copyright",
      R"([^\n]{0,100}(?:©|&copy;|\((?i:c)\))\s*)" + kYear + R"((?:\s*[-–—/]\s*)" + kYear +
          R"()?[^\n]{0,150})");
  add("copyright.word-year", "copyright",
      R"((?i:copyright)\s*(?:©\s*)?)" + kYear + R"((?:\s*[-–—/]\s*)" + kYear +
          R"()?(?:[\s,.:]+[^\n]{0,150})?)");
  add("copyright.rights", "copyright",
      R"((?:(?:(?:©|\((?i:c)\)|(?i:copyright))\s*)?(?:)" + kYear +
          R"(\s*)?(?:\p{Lu}[\p{L}\p{N}&'’.-]*|of|the|and|&)(?:\s+(?:\p{Lu}[\p{L}\p{N}&'’.-]*|of|the|and|&)){0,6}\s*[.,;|–—-]\s*)?(?i:all rights reserved|some rights reserved)\.?(?:\s+[^\n]{0,160})?)");
  add("copyright.reproduce", "copyright",
      R"((?i:(?:the )?(?:material|content|articles?|text|photos?|images?) (?:on|of|in) this (?:site|website|page)|this (?:material|article|content|story|report|work|text|page|publication)|(?:no|any) part of this (?:article|material|publication|website|site|story))[^.!?\n]{0,40} (?i:may|must|shall|should|can)(?i: not)? be (?i:published|reproduced|copied|republished|redistributed|distributed|reprinted|rewritten|broadcast|transmitted|stored|translated)(?i:(?:,|\s+or|\s+and)+\s*(?:published|reproduced|copied|republished|redistributed|distributed|reprinted|rewritten|broadcast|transmitted|stored|translated|used))*(?i:,?\s+(?:in whole or in part|in any (?:form|medium|way)(?: or by any means)?|without (?:the )?(?:prior |express |written |explicit )*(?:permission|consent|authori[sz]ation)[^.!?\n]{0,80}))*\.?)");
  add("copyright.do-not", "copyright",
      R"((?i:(?:please )?(?:do not|don't|don’t|you may not)) (?i:reproduce|republish|redistribute|copy|reprint|distribute)[^.!?\n]{0,60}(?i:without (?:the )?(?:prior |express |written |explicit )*(?:permission|consent)[^.!?\n]{0,60})\.?)");
  add("copyright.prohibited", "copyright",
      R"((?i:(?:unauthori[sz]ed |any )?(?:reproduction|republication|redistribution|reprinting|copying)(?: or (?:reproduction|republication|redistribution|distribution|reprinting|copying))?(?: (?:in whole or in part|of (?:this|the|any|our) (?:content|material|materials|articles?|text|site|website|publication)[^.!?\n]{0,40}))? (?:is|are) (?:strictly )?(?:prohibited|forbidden|not permitted|not allowed)(?: without [^.!?\n]{0,80})?\.?))");
  add("copyright.legal-links", "copyright",
      kLegalLink + R"((?:\s*[|•·,/–—-]\s*)" + kLegalLink + R"(){1,12}\s*\.?)");

  // adblock: ad-blocker notices.
  add("adblock.detected", "adblock",
      R"((?i)[\s!¡*]*(?:an? )?ad[- ]?block(?:ers?)?(?: software| extension| plugin)? (?:detected|enabled|is (?:on|enabled|active|turned on))[.!]*)");
  add("adblock.request", "adblock",
      R"((?i)(?:[^.!?\n]{0,200}[.!?]\s+)?(?:please|kindly|we (?:noticed|see|have detected|detected|notice)|we(?:'|’)ve (?:noticed|detected)|it (?:looks|seems|appears) (?:like|that)|looks like|you(?: are|'re|’re| seem to be) using|(?:please )?consider|(?:please )?support us|turn off|disable|deactivate|pause|whitelist|allowlist)[^\n]{0,200}\bad[- ]?block(?:er|ers|ing)?\b[^\n]{0,200})");
  add("adblock.whitelist", "adblock",
      R"((?i)(?:please )?(?:whitelist|allowlist|unblock) (?:us|our (?:web)?site|this (?:web)?site|[\p{L}\p{N}.-]+\.\p{L}{2,6})[^.!?\n]{0,120}[.!]?)");

  // comments: comment boxes and prompts.
  add("comments.leave", "comments",
      R"((?i)(?:leave|post|add|write|submit) (?:a|your|new) (?:comment|reply|response)s?(?:\s*(?:cancel reply|\(\d+\)|[:.!]))*)");
  add("comments.count", "comments",
      R"((?i)(?:\d+|no|one|zero)\s+(?:comments?|responses?|replies|reactions)(?:\s+(?:so far|yet))?\s*[.!:]?|(?:comments?|responses?|discussion|reader comments)\s*(?:\(\s*\d+\s*\)|:?\s*\d+)?\s*[:.]?)");
  add("comments.closed", "comments",
      R"((?i)comments (?:are|have been) (?:closed|disabled|turned off)(?: for this (?:article|story|post|page))?[.!]?)");
  add("comments.login", "comments",
      R"((?i)(?:you must be (?:logged in|registered|signed in) to (?:post|leave|add|write|submit) a (?:comment|reply)|(?:log|sign) in to (?:comment|reply|join the (?:conversation|discussion)))[.!]?)");
  add("comments.form", "comments",
      R"((?i)(?:your )?e-?mail(?: address)? will not be (?:published|shared|displayed)\.?(?:\s*required fields are marked\s*\*?\.?)?|required fields are marked\s*\*?\.?|(?:name|e-?mail|website|comment)\s*\*|save my name,? e-?mail,? and website in this browser for the next time i comment\.?|notify me of (?:follow-up comments|new posts)[^.\n]{0,40}\.?)");
  add("comments.spam", "comments",
      R"((?i)this (?:site|website|blog) uses \S+ to reduce spam\.?(?:\s*learn how your comment data is processed\.?)?|learn how your comment data is processed\.?)");
  add("comments.join", "comments",
      R"((?i)(?:join|start|continue) the (?:conversation|discussion|debate)(?: below)?[.!]?|be the first to (?:comment|reply|respond)(?: on this (?:article|story|post))?[.!]?|(?:view|show|load|read|see|hide|open) (?:all )?(?:\d+ )?(?:comments|replies)(?:\s*\(\d+\))?[.!]?|comments? (?:policy|guidelines|section))");
  add("comments.prompt", "comments",
      R"((?i)(?:[^.!?\n]{0,160}\?\s*)?(?:share|tell us|let us know|leave|drop|post|add|sound off|weigh in|give us)[^.!?\n]{0,60}(?:\b(?:in|on|into|to|via) the comments?(?: section| box)?(?: below)?|below in the comments?)[.!]*)");

  // related: "you may also like" boxes and links to other articles.
  add("related.header", "related", kRelatedHead + R"(\s*[:.»›>…!]*)");
  add("related.link", "related", kLinkLead + R"(\s*[:|»›>–—-]\s*)" + kTrail);

  // breadcrumb: navigation trails.
  add("breadcrumb.home", "breadcrumb",
      R"((?i:(?:you are here\s*:?\s*)?(?:home|homepage|home page|start|main page|front page|main))(?:\s*(?:[»›>/|\\]|&gt;|&raquo;|::)\s*|\s+[-–]{1,2}\s+))" +
          kTrail);
  add("breadcrumb.here", "breadcrumb", R"((?i:you are here)\s*:?\s*)" + kTrail);
  add("breadcrumb.chain", "breadcrumb",
      R"([^«»›<>.!?\n]{1,60}(?:\s+[»›]\s+[^«»›<>.!?\n]{1,60}){0,5}\s+[»›]\s+[^«»›<>.!?\n]{1,200}[?!]?)");
  add("breadcrumb.chain-gt", "breadcrumb",
      R"([^«»›<>.!?\n]{1,40}(?:\s+>\s+[^«»›<>.!?\n]{1,40}){1,5}\s+>\s+[^«»›<>.!?\n]{1,200}[?!]?)");

  // byline: authors and the time stamps of a post header.
  add("byline.by", "byline",
      R"((?i:by|written by|posted by|reported by|story by|words by|text by|article by|authored by|contributed by|reporting by|edited by|compiled by|filed by|author|authors|byline)\s*:?\s+)" +
          kByWho + R"((?:\s*(?:,|&|(?i:and))\s*)" + kByWho + R"()*(?:(?:\s*[,|•·/–—-]\s*|\s+)(?:)" +
          kJobTitle + "|" + kJobAdj + "|" + kAffiliation + "|(?:" + kMetaWord + R"(\s*)?)" + kStamp + "|" +
          kReadTime + R"())*\s*\.?)");
  add("byline.name-title", "byline",
      kName + R"(\s*(?:,|\||–|—|-)\s*(?:(?i:a|an|the)\s+)?)" + kJobTitle +
          R"((?:\s+(?i:at|for|with|of)\s+(?:(?i:the)\s+)?)" + kNameWord + R"((?:\s+)" + kNameWord +
          R"(){0,3})?\s*\.?)");
  add("byline.stamp", "byline",
      R"((?:)" + kMetaWord + R"(\s*)?)" + kStamp + R"((?:\s*[|•·,/–—-]\s*(?:(?:)" + kMetaWord + R"(\s*)?)" +
          kStamp + "|" + kReadTime + R"()|\s*(?i:by)\s+)" + kByWho + R"()*\s*\.?)");
  add("byline.read-time", "byline", kReadTime + R"(\s*\.?)");

  // share: share bars and "follow us".
  add("share.bar", "share",
      R"((?i:share(?: this| the| on| via| to)?(?: (?:article|story|post|page|link))?\s*:?\s*)?)" + kSocial +
          R"((?:\s*[,|•·/]?\s*)" + kSocial + R"()*\s*[:.!]?)");
  add("share.this", "share",
      R"((?i)share (?:this|the|our) (?:article|story|post|page|link|video)(?: (?:on|via|with)[^.!?\n]{0,60})?[:.!]?|(?:click|tap) (?:here )?to (?:share|email|print|tweet|post)(?: this)?(?: (?:on|via|to|with) [^.!?()\n]{1,40})?(?:\s*\(opens in (?:a )?new (?:window|tab)\))?[.!]?|share(?: this)?(?: with (?:a friend|friends|your friends))?[:.!]?|(?:[\d.,]+[km]?\s*)?shares?\s*:?\s*(?:[\d.,]+[km]?)?)");
  add("share.follow", "share",
      R"((?i:follow|find|like|join|connect with) (?i:us) (?i:on) )" + kSocial +
          R"((?:(?:,|\s+(?i:and|or)|\s*\|)\s*)" + kSocial + R"()*[^.!?\n]{0,80}[.!]?)");

  // newsletter: sign-up prompts.
  add("newsletter.signup", "newsletter",
      R"((?i)(?:[^.!?\n]{0,100}[.!?—–-]\s*)?(?:sign up|signup|subscribe|register|join|get|receive)(?: now| today| free| here| for free)?(?: for| to)? (?:our|the|a|this)?\s*(?:free )?(?:[\p{L}'’&-]+ ){0,3}(?:newsletters?|e-?mails?|e-?mail updates|e-?mail alerts|news alerts|briefings?|digest|bulletin)[^.!?\n]{0,140}[.!]?)");
  add("newsletter.inbox", "newsletter",
      R"((?i)(?:[^.!?\n]{0,100}[.!?—–-]\s*)?(?:get|have|receive|sign up to (?:get|receive)|delivered|sent)[^.!?\n]{0,100}\b(?:to|in|into) your inbox[^.!?\n]{0,80}[.!]?)");
  add("newsletter.email", "newsletter",
      R"((?i)(?:enter|type|provide|submit|add) your e-?mail(?: address)?[^.!?\n]{0,100}[.!]?|(?:your )?e-?mail(?: address)?\s*[*:]?)");
  add("newsletter.subscribe", "newsletter",
      R"((?i)(?:subscribe|sign up|join|register)(?: now| today| here| for free| free)?[.!]?|subscribe to [^.!?\n]{1,60}[.!]?)");
  add("newsletter.thanks", "newsletter",
      R"((?i)thanks?(?: you)? for (?:subscribing|signing up|registering|joining)[.!]?(?:\s+[^\n]{0,160})?)");
  add("newsletter.terms", "newsletter",
      R"((?i)by (?:signing up|subscribing|registering|clicking|submitting|entering)[^.\n]{0,160}(?:privacy|terms|policy|consent|agree)[^.\n]{0,160}\.?)");
  add("newsletter.miss", "newsletter",
      R"((?i)(?:never|don'?t|don’t|do not) miss (?:a|another|an?) (?:story|update|headline|thing|beat)[.!]?(?:\s+[^\n]{0,160})?)");

  // cookie: consent banners.
  add("cookie.notice", "cookie",
      R"((?i)(?:[^.!?\n]{0,60}[.!?:]\s*)?(?:this|our|the) (?:web)?site (?:uses|is using|may use|use) cookies[^\n]*)");
  add("cookie.we-use", "cookie",
      R"((?i)(?:[^.!?\n]{0,60}[.!?:]\s*)?we(?: and our (?:\d+ )?(?:partners|vendors))? (?:use|store|collect|may use|and our partners use|use our own and third[- ]party) (?:cookies|cookie|cookies and similar technologies)[^\n]*)");
  add("cookie.privacy", "cookie", R"((?i)we (?:value|care about|respect) your privacy[.!]?(?:\s+[^\n]*)?)");
  add("cookie.consent", "cookie",
      R"((?i)by (?:continuing to (?:use|browse|visit|navigate)|using|browsing|visiting|clicking[^,\n]{0,40})(?: this| our| the)? (?:web)?site[^.\n]{0,40}?,? you (?:agree|consent|accept)[^\n]*)");
  add("cookie.buttons", "cookie",
      R"((?i)(?:accept|reject|decline|allow|deny|manage|customi[sz]e|refuse|block)(?: all| necessary| essential| optional| selected)? cookies(?: and (?:continue|close))?[.!]?|cookies? (?:settings|policy|preferences|consent|notice|banner|declaration)[.!]?|(?:manage|privacy) (?:consent|preferences|settings|options|choices)[.!]?|(?:accept|accept all|i accept|i agree|agree|got it|ok|okay|allow all|reject all|decline)(?:\s*(?:and close|&\s*close))?[.!]?|do not sell(?: or share)? my personal information[.!]?|your privacy choices)");

  // app: app promotions.
  add("app.download", "app",
      R"((?i:download|get|install|try|grab)(?i: the| our)?(?i: free| new| official| latest)?(?:\s+[\p{L}\p{N}&'’.-]+){0,3}\s+(?i:app|application|mobile app)(?i: now| today| for free| free)?(?:\s+(?i:on|from|for|in|at)\s+)" +
          kAppStore + R"((?:(?:,|\s+(?i:and|or)|\s*&)\s+)" + kAppStore +
          R"()*)?(?:(?:,|\s*[-–—:])?\s+(?:(?i:to|and) (?i:get|stay|never|read|receive|follow|enjoy|keep|be)|(?i:for) (?i:the latest|breaking|live|instant|real-time|exclusive|push|news|updates|alerts|notifications))[^.!?\n]{0,100})?\s*[.!]?)");
  add("app.stores", "app",
      R"((?i:available|download(?: it)?|get it|also) (?i:on|from|in|at) )" + kAppStore +
          R"((?:(?:,|\s+(?i:and|or)|\s*&)\s+)" + kAppStore + R"()*\s*[.!]?|)" + kAppStore +
          R"((?:\s*[|,&/•]\s*)" + kAppStore + R"()+)");
  add("app.open", "app",
      R"((?i)(?:read|open|view|continue|watch|listen to|see)(?: this| the)?(?: full)?(?: story| article| video| post)? in (?:the|our) (?:[\p{L}\p{N}&'’-]+ )?app[.!]?|(?:for (?:a|the) (?:better|best|full) experience,? )?(?:use|switch to|open|try) (?:our|the) app[.!]?|(?:[^.!?\n]{0,60}[.!?]\s*)?(?:the )?(?:best|easiest|fastest) way to (?:get|read|follow|stay)[^.!?\n]{0,80} (?:is )?(?:with|in|on|via) (?:our|the) (?:[\p{L}\p{N}&'’-]+ )?app[.!]?)");

  // advertisement: ad labels and "story continues below".
  add("advertisement.label", "advertisement",
      kEdge +
          R"((?i:advertisements?|advertising|advertorial|advert|ads?|sponsored(?: (?:content|post|links?|stories|article|message|feature))?|paid (?:content|post|partnership|promotion|for by [^.!?\n]{1,40})|promoted(?: (?:content|stories|post|links?))?|partner (?:content|message)|from our (?:partners|sponsors)|sponsored by [^.,!?\n]{1,40}|(?:story|article|text|content) continues (?:below|after)(?: (?:this|the))?(?: (?:ad|advertisement|advert|video))?|continue reading (?:below|after (?:the|this) (?:ad|advertisement))|scroll (?:down )?to continue(?: reading| with content)?|skip (?:the )?(?:ad|advertisement)|ad feedback|report (?:this )?ad|close ad))" +
          kEdge);

  // attribution: the agency's own lead-in before the news ("<Outlet> informs, citing <Outlet>, ...") and
  // wire datelines ("CITY (Agency) — "). The first group is the span; what follows it only guards
  // against reported speech ("..., citing X, that ...").
  add("attribution.citing", "attribution",
      "(" + kOutlet +
          R"(\s+(?:informs|reports|writes|relays|notes|learned|has learned|learnt|has learnt),?\s+(?:citing|quoting|with reference to|referring to)\s+)" +
          kSource + R"(\s*,\s*)(?:[^t\s]|t[^h]|th[^a]|tha[^t]|that\S))");
  add("attribution.dateline", "attribution",
      R"(((?:\p{Lu}[\p{Lu}\p{M}'.-]+(?:[ /-]\p{Lu}[\p{Lu}\p{M}'.-]+){0,3}(?:,\s*\p{Lu}[\p{L}\p{M}.]+(?:\s+\p{Lu}[\p{L}\p{M}.]+){0,2})?(?:,\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*)?\(\p{Lu}[\p{L}\p{N}.&-]*(?:\s+\p{Lu}[\p{L}\p{N}.&-]*){0,3}\)\s*(?:[—–-]{1,2}|:)\s*))");
  return r;
}

RE2::Options PatternOptions() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);
  return o;
}

bool KnownCategory(std::string_view c) {
  return std::find(std::begin(kBoilerplateCategories), std::end(kBoilerplateCategories), c) !=
         std::end(kBoilerplateCategories);
}

bool ValidName(std::string_view name) {
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
  }
  return true;
}

std::string CategoryList() {
  std::string s;
  for (std::string_view c : kBoilerplateCategories) {
    if (!s.empty()) s += ", ";
    s += c;
  }
  return s;
}

// Checks one pattern: it compiles, and it cannot match nothing (a rule that matches an empty line or
// an empty lead-in would strip blank lines or loop on nothing).
Status CheckPattern(const BoilerplateRule& rule, std::string_view where) {
  const RE2 re(rule.pattern, PatternOptions());
  if (!re.ok()) {
    std::string msg = std::string(where) + "rule '" + rule.name + "': bad pattern: " + re.error();
    if (!re.error_arg().empty()) msg += " (at '" + re.error_arg() + "')";
    return Status::InvalidArgument(msg);
  }
  if (rule.category == kLeadInCategory) {
    std::string_view empty;
    if (RE2::PartialMatch(empty, re)) {
      return Status::InvalidArgument(std::string(where) + "rule '" + rule.name + "': pattern '" +
                                     rule.pattern + "' matches an empty lead-in");
    }
  } else if (RE2::FullMatch("", re) || RE2::FullMatch(" ", re)) {
    return Status::InvalidArgument(std::string(where) + "rule '" + rule.name + "': pattern '" + rule.pattern +
                                   "' matches an empty line");
  }
  return Status::OK();
}

// A compiled list of rules: whole-unit rules in one set, lead-in rules one by one.
struct Compiled {
  std::unique_ptr<RE2::Set> set;
  std::vector<int> set_rule;  // set index -> index in the compiled list
  // The whole-unit rules one by one: the fallback when the set's DFA runs out of memory on some input.
  std::vector<std::pair<int, std::unique_ptr<RE2>>> whole;
  std::vector<std::pair<int, std::unique_ptr<RE2>>> lead_in;

  Status Compile(const std::vector<BoilerplateRule>& rules) {
    set = std::make_unique<RE2::Set>(PatternOptions(), RE2::ANCHOR_BOTH);
    for (size_t i = 0; i < rules.size(); ++i) {
      const BoilerplateRule& r = rules[i];
      auto re = std::make_unique<RE2>(r.pattern, PatternOptions());
      if (!re->ok()) {
        std::string msg = "rule '" + r.name + "': bad pattern: " + re->error();
        if (!re->error_arg().empty()) msg += " (at '" + re->error_arg() + "')";
        return Status::InvalidArgument(msg);
      }
      if (r.category == kLeadInCategory) {
        lead_in.emplace_back(static_cast<int>(i), std::move(re));
        continue;
      }
      std::string error;
      if (set->Add(r.pattern, &error) < 0) {
        return Status::InvalidArgument("rule '" + r.name + "': bad pattern: " + error);
      }
      set_rule.push_back(static_cast<int>(i));
      whole.emplace_back(static_cast<int>(i), std::move(re));
    }
    if (!set_rule.empty() && !set->Compile()) {
      return Status::InvalidArgument("the rule set is too large to compile");
    }
    return Status::OK();
  }

  // The lowest-index rule accepted by `enabled` that matches all of `unit`, or -1.
  int MatchWhole(std::string_view unit, const std::vector<bool>& enabled, size_t offset) const {
    if (set_rule.empty()) return -1;
    thread_local std::vector<int> hits;  // reused: this runs once per line of the corpus
    hits.clear();
    RE2::Set::ErrorInfo info{RE2::Set::kNoError};
    int best = -1;
    if (set->Match(unit, &hits, &info)) {
      for (int h : hits) {
        const int rule = set_rule[h];
        if (enabled[offset + rule] && (best < 0 || rule < best)) best = rule;
      }
      return best;
    }
    if (info.kind == RE2::Set::kNoError) return -1;
    // The set could not decide (DFA memory); ask each rule on its own.
    for (const auto& [rule, re] : whole) {
      if (enabled[offset + rule] && RE2::FullMatch(unit, *re)) return rule;
    }
    return -1;
  }
};

// The built-in rules are compiled once per process: compiling them takes a noticeable fraction of a
// second, and disabling some only filters their matches.
const Compiled& CompiledBuiltin() {
  static const Compiled* compiled = [] {
    auto* c = new Compiled();
    const Status s = c->Compile(BoilerplateRules::Builtin());
    (void)s;  // the built-in patterns are valid: tests compile every one of them
    return c;
  }();
  return *compiled;
}

}  // namespace

struct BoilerplateRules::Impl {
  const Compiled* builtin = nullptr;
  Compiled user;  // the rules file's rules, indexed after the built-in ones
};

BoilerplateRules::BoilerplateRules() : impl_(std::make_unique<Impl>()) {}
BoilerplateRules::~BoilerplateRules() = default;

const std::vector<BoilerplateRule>& BoilerplateRules::Builtin() {
  static const std::vector<BoilerplateRule> builtin = MakeBuiltin();
  return builtin;
}

Status BoilerplateRules::Parse(std::string_view text, std::string_view origin,
                               std::vector<BoilerplateRule>* rules) {
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    const std::string where = std::string(origin) + ":" + std::to_string(line_no) + ": ";
    // NAME, CATEGORY and PATTERN separated by tabs; the pattern is the rest of the line, so it may
    // contain tabs itself. A run of tabs between the first fields counts as one separator.
    std::string_view fields[3];
    std::string_view rest = line;
    for (int f = 0; f < 2; ++f) {
      const size_t tab = rest.find('\t');
      if (tab == std::string_view::npos) {
        return Status::InvalidArgument(where + "expected NAME<TAB>CATEGORY<TAB>PATTERN, got '" +
                                       std::string(line) + "'");
      }
      fields[f] = rest.substr(0, tab);
      rest = rest.substr(tab);
      rest.remove_prefix(std::min(rest.find_first_not_of('\t'), rest.size()));
    }
    fields[2] = rest;
    BoilerplateRule rule;
    rule.name = std::string(fields[0]);
    rule.category = std::string(fields[1]);
    rule.pattern = std::string(fields[2]);
    if (!ValidName(rule.name)) {
      return Status::InvalidArgument(
          where + "bad rule name '" + rule.name +
          "' (letters, digits, '.', '_' and '-', starting with a letter or digit)");
    }
    if (!KnownCategory(rule.category)) {
      return Status::InvalidArgument(where + "rule '" + rule.name + "': unknown category '" + rule.category +
                                     "' (known: " + CategoryList() + ")");
    }
    if (rule.pattern.empty()) {
      return Status::InvalidArgument(where + "rule '" + rule.name + "': empty pattern");
    }
    NEARDUP_RETURN_IF_ERROR(CheckPattern(rule, where));
    for (const BoilerplateRule& other : *rules) {
      if (other.name == rule.name) {
        return Status::InvalidArgument(where + "rule '" + rule.name + "' is defined twice");
      }
    }
    for (const BoilerplateRule& other : Builtin()) {
      if (other.name == rule.name) {
        return Status::InvalidArgument(
            where + "rule '" + rule.name +
            "' is a built-in rule name (disable it with --disable-rule and add yours "
            "under another name)");
      }
    }
    rules->push_back(std::move(rule));
  }
  return Status::OK();
}

Status BoilerplateRules::Build(const BoilerplateOptions& options, std::unique_ptr<BoilerplateRules>* out) {
  std::vector<BoilerplateRule> extra;
  if (!options.rules_file.empty()) {
    std::ifstream in(options.rules_file, std::ios::binary);
    if (!in) return Status::IOError(options.rules_file + ": cannot open rules file");
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) return Status::IOError(options.rules_file + ": cannot read rules file");
    NEARDUP_RETURN_IF_ERROR(Parse(buf.str(), options.rules_file, &extra));
  }
  std::unique_ptr<BoilerplateRules> rules(new BoilerplateRules());
  rules->rules_ = Builtin();
  rules->rules_.insert(rules->rules_.end(), extra.begin(), extra.end());
  for (const std::string& name : options.disabled_rules) {
    const bool known =
        KnownCategory(name) || std::any_of(rules->rules_.begin(), rules->rules_.end(),
                                           [&](const BoilerplateRule& r) { return r.name == name; });
    if (!known) {
      return Status::InvalidArgument("--disable-rule: '" + name +
                                     "' is neither a rule name nor a category (see "
                                     "'neardup rules')");
    }
  }
  rules->enabled_.resize(rules->rules_.size());
  for (size_t i = 0; i < rules->rules_.size(); ++i) {
    const BoilerplateRule& r = rules->rules_[i];
    rules->enabled_[i] = std::none_of(options.disabled_rules.begin(), options.disabled_rules.end(),
                                      [&](const std::string& d) { return d == r.name || d == r.category; });
  }
  rules->impl_->builtin = &CompiledBuiltin();
  NEARDUP_RETURN_IF_ERROR(rules->impl_->user.Compile(extra));
  *out = std::move(rules);
  return Status::OK();
}

int BoilerplateRules::MatchWhole(std::string_view unit) const {
  if (unit.empty() || unit.size() > kMaxUnitBytes) return -1;
  const int builtin = impl_->builtin->MatchWhole(unit, enabled_, 0);
  if (builtin >= 0) return builtin;
  const size_t offset = Builtin().size();
  const int user = impl_->user.MatchWhole(unit, enabled_, offset);
  return user >= 0 ? static_cast<int>(offset) + user : -1;
}

int BoilerplateRules::Classify(std::string_view unit) const {
  const int whole = MatchWhole(unit);
  if (whole >= 0 || unit.size() > kMaxCoverBytes) return whole;
  const std::vector<boilerplate_internal::Unit> sentences = boilerplate_internal::SplitSentences(unit);
  if (sentences.size() < 2) return -1;
  // Cover the sentences left to right, each step with the longest run (up to three sentences) that one
  // rule matches whole; one uncovered sentence means the line is not furniture.
  constexpr size_t kMaxRun = 3;
  int first = -1;
  size_t i = 0;
  while (i < sentences.size()) {
    bool covered = false;
    for (size_t len = std::min(kMaxRun, sentences.size() - i); len >= 1; --len) {
      const size_t b = sentences[i].text_begin, e = sentences[i + len - 1].text_end;
      const int r = MatchWhole(unit.substr(b, e - b));
      if (r >= 0) {
        if (first < 0) first = r;
        i += len;
        covered = true;
        break;
      }
    }
    if (!covered) return -1;
  }
  return first;
}

int BoilerplateRules::MatchLeadIn(std::string_view unit, size_t* length) const {
  const size_t offset = Builtin().size();
  const Compiled* lists[] = {impl_->builtin, &impl_->user};
  for (const Compiled* c : lists) {
    const size_t base = c == impl_->builtin ? 0 : offset;
    for (const auto& [rule, re] : c->lead_in) {
      if (!enabled_[base + rule]) continue;
      const int groups = std::min(re->NumberOfCapturingGroups(), 1);
      re2::StringPiece match[2];
      if (!re->Match(unit, 0, unit.size(), RE2::ANCHOR_START, match, 1 + groups)) continue;
      const re2::StringPiece span = groups == 1 && match[1].data() != nullptr ? match[1] : match[0];
      if (span.data() != unit.data() || span.empty()) continue;  // a lead-in starts the unit
      *length = span.size();
      return static_cast<int>(base) + rule;
    }
  }
  return -1;
}

std::string BoilerplateRules::Listing() const {
  std::string out;
  for (size_t i = 0; i < rules_.size(); ++i) {
    if (enabled_[i]) out += rules_[i].name + "\t" + rules_[i].category + "\t" + rules_[i].pattern + "\n";
  }
  return out;
}

size_t BoilerplateRules::enabled_count() const { return std::count(enabled_.begin(), enabled_.end(), true); }

}  // namespace neardup
