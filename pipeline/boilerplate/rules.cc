// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The built-in rules describe categories of site furniture, never one site: no pattern names an outlet,
// a product or a person. Each whole-unit pattern must match the entire trimmed line (or sentence), which
// is what keeps them precise: an article sentence that mentions copyright law, a minister's comments or
// a newsletter is a sentence with a subject and a verb around those words, and no pattern allows that.

#include "pipeline/boilerplate/rules.h"

#include <re2/re2.h>
#include <re2/set.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "pipeline/boilerplate/ascii_scan.h"
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
  // wire datelines ("CITY (Agency) — "). Of the first, the first group is the span; what follows it only
  // guards against reported speech ("..., citing X, that ..."). A dateline is its whole match, and has no
  // capturing group: asked for a group in a text as short as a unit, RE2 skips its DFA and runs its
  // backtracker, about 40,000 instructions for each unit the rule matches (2% of the stage's instructions
  // when the pattern was one group around the whole; bench/README-boilerplate.md, round 13).
  add("attribution.citing", "attribution",
      "(" + kOutlet +
          R"(\s+(?:informs|reports|writes|relays|notes|learned|has learned|learnt|has learnt),?\s+(?:citing|quoting|with reference to|referring to)\s+)" +
          kSource + R"(\s*,\s*)(?:[^t\s]|t[^h]|th[^a]|tha[^t]|that\S))");
  add("attribution.dateline", "attribution",
      R"((?:\p{Lu}[\p{Lu}\p{M}'.-]+(?:[ /-]\p{Lu}[\p{Lu}\p{M}'.-]+){0,3}(?:,\s*\p{Lu}[\p{L}\p{M}.]+(?:\s+\p{Lu}[\p{L}\p{M}.]+){0,2})?(?:,\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*)?\(\p{Lu}[\p{L}\p{N}.&-]*(?:\s+\p{Lu}[\p{L}\p{N}.&-]*){0,3}\)\s*(?:[—–-]{1,2}|:)\s*)");
  return r;
}

// ---------------------------------------------------------------- the prefilter
//
// Matching the rule set is the costly part of the stage, and almost every unit is article text that no
// rule matches. So each built-in whole-unit rule has a gate: what any text it matches must contain,
// checked in one pass over the text with a table lookup per word, and the set runs only on the units
// that pass some gate. A gate is a list of alternatives separated by " ; ", an alternative a list of
// conditions that must all hold:
//   first:w,p*  the text's first word is w, or starts with p
//   any:w,v     some word of the text is w or v
//   flag:f      the text contains © (copysign), » or › (chevron), > (gt); starts with a digit
//               (leaddigit); starts with a digit, '.' or ',' (leadnum)
//   sub:s,t     the lower-cased text contains s or t ('_' stands for a space, {comma} for a comma);
//               checked last, and only in an alternative with a cheaper condition
//   maxchunks:n the text has at most n runs of characters between whitespace (RE2's \s), for a pattern
//               whose matches are a bounded number of such runs; long article paragraphs have more
// A word is a maximal run of ASCII letters, lower-cased. RE2's \b, \w and (?i) see ASCII letters the
// same way, so a keyword a pattern puts between non-letters (spaces, punctuation, digits, the text's
// ends) is a word of every text it matches. Where a pattern lets letters run on after a keyword (a `\s*`
// before optional text, a free `[^.!?]{0,n}` tail) the gate uses a prefix or a substring instead. The
// only non-ASCII characters (?i) takes for ASCII letters, U+017F (ſ) and U+212A (K), send a text to the
// set ungated. Rules without a gate (a rules file's) always run.
//
// The gates must be sound: a gate that refuses a text its rule matches changes the results.
// BoilerplateRulesTest.PrefilterNeverHidesAMatch compares gated and ungated matching on many texts;
// review a gate whenever its pattern changes.
const std::vector<std::pair<std::string_view, std::string_view>>& GateSpecs() {
  static const std::vector<std::pair<std::string_view, std::string_view>> specs = {
      {"copyright.symbol", "flag:copysign ; any:c,copy"},
      {"copyright.symbol-year", "flag:copysign ; any:c,copy"},
      {"copyright.word-year", "first:copyright"},
      {"copyright.rights", "any:reserved"},
      {"copyright.reproduce",
       "first:the,material,content,article,articles,text,photo,photos,image,images,this,no,any "
       "any:published,reproduced,copied,republished,redistributed,distributed,reprinted,rewritten,broadcast,"
       "transmitted,stored,translated "
       "sub:be_published,be_reproduced,be_copied,be_republished,be_redistributed,be_distributed,"
       "be_reprinted,be_rewritten,be_broadcast,be_transmitted,be_stored,be_translated"},
      {"copyright.do-not", "first:please,do,don,you"},
      {"copyright.prohibited",
       "first:unauthorized,unauthorised,any,reproduction,republication,redistribution,"
       "reprinting,copying any:prohibited,forbidden,permitted,allowed maxchunks:110"},
      {"copyright.legal-links",
       "first:privacy,terms,cookie,contact,about,advertise,sitemap,site,careers,jobs,imprint,"
       "disclaimer,accessibility,corrections,rss,help,faq,newsletters,subscription,"
       "subscriptions,ethics,editorial maxchunks:80"},
      {"adblock.detected",
       "first:a,an,ad,adblock,adblocker,adblockers any:adblock,adblocker,adblockers,block,blocker,blockers"},
      {"adblock.request",
       "any:adblock,adblocker,adblockers,adblocking ; any:ad any:block,blocker,blockers,blocking"},
      {"adblock.whitelist",
       "first:whitelist,allowlist,unblock maxchunks:100 ; first:please any:whitelist,allowlist,"
       "unblock maxchunks:100"},
      {"comments.leave", "first:leave,post,add,write,submit"},
      {"comments.count",
       "first:comment,comments,response,responses,replies,reactions,discussion,"
       "reader maxchunks:12 ; first:no,one,zero any:comment,comments,response,responses,replies,"
       "reactions maxchunks:12"},
      {"comments.closed", "first:comments maxchunks:16"},
      {"comments.login", "first:log,sign maxchunks:16 ; first:you any:comment,reply maxchunks:16"},
      {"comments.form", "first:your,e,email,required,name,website,comment,save,notify maxchunks:40"},
      {"comments.spam", "first:this any:reduce maxchunks:24 ; first:learn maxchunks:24"},
      {"comments.join",
       "first:join,start,continue any:conversation,discussion,debate maxchunks:16 ; "
       "first:be any:first maxchunks:16 ; first:view,show,load,read,see,hide,open any:comments,"
       "replies maxchunks:16 ; first:comment,comments maxchunks:16"},
      {"comments.prompt", "any:comment,comments sub:the_comment maxchunks:160"},
      {"related.header",
       "first:related,similar,recommended,popular,trending,featured,suggested,viewed,shared,"
       "commented,editor,editors,explore,around,dont,don,read,more,latest,top,other,"
       "further maxchunks:36 ; first:you any:also maxchunks:36 ; first:in any:news,"
       "case maxchunks:36 ; first:most any:popular,read,viewed,shared,commented maxchunks:36 ; "
       "first:what,up any:next maxchunks:36 ; first:keep any:reading maxchunks:36 ; "
       "first:see any:also maxchunks:36 ; first:also any:read,see,reading maxchunks:36"},
      {"related.link",
       "first:read,related,recommended,don,dont maxchunks:150 ; "
       "first:also any:read maxchunks:150 ; first:see any:also maxchunks:150 ; "
       "first:more any:this maxchunks:150 ; first:must any:read maxchunks:150 ; "
       "first:top any:story maxchunks:150 ; first:in any:case maxchunks:150"},
      {"breadcrumb.home",
       "first:home,homepage,start,main,front sub:\xC2\xBB,\xE2\x80\xBA,>,/,|,\\,&,:,-,"
       "\xE2\x80\x93 maxchunks:160 ; first:you any:are maxchunks:160"},
      {"breadcrumb.here", "first:you any:are maxchunks:160"},
      {"breadcrumb.chain", "flag:chevron"},
      {"breadcrumb.chain-gt", "flag:gt"},
      {"byline.by",
       "first:by,written,posted,reported,story,words,text,article,authored,contributed,reporting,edited,"
       "compiled,filed,author,authors,byline"},
      {"byline.name-title",
       "any:editor,editors,reporter,reporters,writer,writers,correspondent,correspondents,"
       "journalist,journalists,columnist,columnists,contributor,contributors,producer,producers,"
       "analyst,analysts,desk,team,staff,bureau,intern,interns,fellow,fellows,critic,critics,"
       "photographer,photographers,anchor,anchors,host,hosts,newsroom,blogger,bloggers,"
       "commentator,commentators,specialist,specialists,author sub:{comma},|,-,\xE2\x80\x93,\xE2\x80\x94 "
       "maxchunks:32"},
      // Weekday and month names are prefixes: a pattern lets "by <Name>" follow a stamp without a space.
      {"byline.stamp",
       "first:updated*,published*,posted*,last*,modified*,first*,created*,date*,edited*,originally*,"
       "publication*,mon*,tue*,wed*,thu*,fri*,sat*,sun*,jan*,feb*,mar*,apr*,may*,jun*,jul*,aug*,sep*,oct*,"
       "nov*,dec* ; flag:leaddigit ; first:a,an,one sub:ago"},
      {"byline.read-time",
       "flag:leaddigit maxchunks:16 ; first:one*,two*,three*,four*,five*,six*,seven*,eight*,"
       "nine*,ten* any:read,reading maxchunks:16 ; first:reading,read,time maxchunks:16"},
      {"share.bar",
       "first:e,share*,facebook*,twitter*,x*,linkedin*,reddit*,telegram*,pinterest*,whatsapp*,messenger*,"
       "email*,mail*,print*,sms*,tumblr*,flipboard*,mastodon*,threads*,bluesky*,vk*,viber*,pocket*,copy*,"
       "link*,tweet*,pin*,save*,gmail*,line*,wechat*,weibo*,snapchat*,instagram*,youtube*,tiktok*,rss*"},
      // A count before "shares" may end in k or m without a space ("1.2kshares").
      {"share.this",
       "first:share,shares,click,tap maxchunks:60 ; "
       "flag:leadnum any:share,shares,kshare,kshares,mshare,mshares maxchunks:60"},
      {"share.follow", "first:follow,find,like,join,connect any:us"},
      {"newsletter.signup",
       "any:sign,signup,subscribe,register,join,get,receive "
       "sub:newsletter,mail,news_alerts,briefing,digest,bulletin"},
      {"newsletter.inbox", "any:your sub:inbox"},
      {"newsletter.email", "first:enter,type,provide,submit,add,your,e,email maxchunks:80"},
      {"newsletter.subscribe", "first:subscribe,sign,join,register maxchunks:48"},
      {"newsletter.thanks", "first:thank,thanks"},
      {"newsletter.terms", "first:by sub:signing_up,subscribing,registering,clicking,submitting,entering"},
      {"newsletter.miss", "first:never,dont,don,do any:miss"},
      {"cookie.notice", "any:site,website sub:cookie"},
      {"cookie.we-use", "any:we sub:cookie"},
      {"cookie.privacy", "first:we any:privacy"},
      {"cookie.consent", "first:by any:you"},
      {"cookie.buttons",
       "first:accept*,reject,decline*,allow,deny,manage,customize,customise,refuse,block,cookie,"
       "cookies,privacy,agree*,ok*,got maxchunks:16 ; first:i sub:accept,agree maxchunks:16 ; "
       "first:do any:sell maxchunks:16 ; first:your any:choices maxchunks:16"},
      {"app.download", "first:download,get,install,try,grab any:app,application"},
      {"app.stores",
       "first:available,download,get,also any:store,play,ios,android,iphone,ipad,appgallery ; "
       "first:apple,app,google,play,ios,android,iphone,ipad,appgallery ; first:the any:store"},
      {"app.open",
       "any:app sub:in_the_,in_our_,our_app,the_app maxchunks:16 ; "
       "any:app any:way any:best,easiest,fastest maxchunks:120"},
      {"advertisement.label",
       "first:advertisement,advertisements,advertising,advertorial,advert,ad,ads,sponsored,paid,promoted,"
       "partner,scroll,skip ; first:from any:partners,sponsors ; "
       "first:story,article,text,content any:continues ; first:continue any:reading ; "
       "first:report,close any:ad"},
  };
  return specs;
}

// Words longer than this are in no gate; the first word's prefixes are compared on this many bytes.
constexpr size_t kMaxGateWord = 16;
constexpr size_t kGateBitWords = 4;  // up to 256 conditions
using GateBits = std::array<uint64_t, kGateBitWords>;

inline void Or(GateBits* a, const GateBits& b) {
  for (size_t k = 0; k < kGateBitWords; ++k) (*a)[k] |= b[k];
}
inline bool Covers(const GateBits& have, const GateBits& need) {
  for (size_t k = 0; k < kGateBitWords; ++k) {
    if ((have[k] & need[k]) != need[k]) return false;
  }
  return true;
}

enum GateFlag { kFlagCopySign, kFlagChevron, kFlagGt, kFlagLeadDigit, kFlagLeadNum, kFlagCount };

// A word's first 16 bytes, lower-cased and zero-padded, as UnitWords keeps the first word's.
void PrefixKey(std::string_view lower, uint64_t* lo, uint64_t* hi) {
  char buf[kMaxGateWord] = {};
  std::memcpy(buf, lower.data(), std::min(lower.size(), kMaxGateWord));
  std::memcpy(lo, buf, 8);
  std::memcpy(hi, buf + 8, 8);
}

// Copies `n` bytes, ASCII capitals lower-cased (every other byte as it is), eight bytes at a time. A
// byte loop into the per-thread string was not vectorized (the store could alias the string's pointer,
// reloaded every byte) and was a fifth of the prefilter's time.
inline void LowerAscii(const char* in, size_t n, char* out) {
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  size_t k = 0;
  for (; k + 8 <= n; k += 8) {
    uint64_t x;
    std::memcpy(&x, in + k, 8);
    const uint64_t low7 = x & ~kHigh;
    const uint64_t from_a = low7 + 0x3F3F3F3F3F3F3F3FULL;  // bit 7 set where the low seven bits are >= 'A'
    const uint64_t past_z = low7 + 0x2525252525252525ULL;  // ... > 'Z'
    const uint64_t capital = from_a & ~past_z & ~x & kHigh;  // and the byte is ASCII
    x |= capital >> 2;                                      // 0x80 >> 2 = 0x20
    std::memcpy(out + k, &x, 8);
  }
  for (; k < n; ++k) {
    const auto c = static_cast<unsigned char>(in[k]);
    out[k] = static_cast<char>(c | (static_cast<unsigned char>(c - 'A') < 26 ? 0x20 : 0));
  }
}

class Prefilter {
 public:
  // Adds the gate of one rule. InvalidArgument for a malformed gate.
  Status Add(std::string_view rule, int index, std::string_view spec) {
    if (index < 0 || index >= 64) return Status::InvalidArgument("gated rule index out of range");
    size_t pos = 0;
    while (pos <= spec.size()) {
      size_t end = spec.find(" ; ", pos);
      if (end == std::string_view::npos) end = spec.size();
      NEARDUP_RETURN_IF_ERROR(AddAlternative(rule, index, spec.substr(pos, end - pos)));
      pos = end + 3;
    }
    return Status::OK();
  }

  // The gated rules that may match all of `text`, whose words are `w`, as bits over their indices: a rule
  // whose bit is clear does not match.
  // With `any_length`, the bound on the number of runs (maxchunks) is not checked: the candidates of
  // every prefix of `text`.
  uint64_t Candidates(const boilerplate_internal::UnitWords& w, std::string_view text, bool any_length = false) const {
    if (text.empty()) return 0;
    if (w.fold_sensitive) return all_;  // (?i) takes ſ and K for s and k: no word can be trusted
    GateBits have{};
    if (w.lead_digit) Or(&have, flags_[kFlagLeadDigit]);
    if (w.lead_number) Or(&have, flags_[kFlagLeadNum]);
    if (w.gt) Or(&have, flags_[kFlagGt]);
    if (w.chevron) Or(&have, flags_[kFlagChevron]);
    if (w.copyright) Or(&have, flags_[kFlagCopySign]);
    if (!w.words.empty()) {
      if (const Entry* e = Lookup(w.words[0])) {
        Or(&have, e->first);
        Or(&have, e->any);
      }
    }
    // The filter holds only the words of any: conditions, so that the common words that open a rule
    // ("the", "by", "in") cost one load elsewhere in the text.
    for (size_t i = 1; i < w.words.size(); ++i) {
      const uint64_t h = w.words[i];
      if (!((filter_[(h >> 6) & (kFilterBits / 64 - 1)] >> (h & 63)) & 1)) continue;
      if (const Entry* e = Lookup(h)) Or(&have, e->any);
    }
    if (w.first_len > 0) {
      const auto letter = static_cast<size_t>((w.first_lo & 0xFF) - 'a');
      for (const Prefix& pre : prefixes_[letter]) {
        if (pre.len <= w.first_len && (w.first_lo & pre.lo_mask) == pre.lo &&
            (w.first_hi & pre.hi_mask) == pre.hi) {
          Or(&have, pre.bits);
        }
      }
    }
    // Each alternative is listed under its lowest condition: visit the lists of the conditions that hold.
    thread_local std::string lower;
    bool lowered = false;
    uint64_t candidates = 0;
    for (size_t k = 0; k < kGateBitWords; ++k) {
      for (uint64_t bits = have[k]; bits != 0; bits &= bits - 1) {
        const size_t bit = 64 * k + static_cast<size_t>(__builtin_ctzll(bits));
        for (const uint32_t a : by_bit_[bit]) {
          const Alternative& alt = alternatives_[a];
          if ((candidates >> alt.rule) & 1) continue;
          if (!Covers(have, alt.need) || (w.chunks > alt.max_chunks && !any_length)) continue;
          bool pass = alt.subs.empty();
          if (!pass) {
            if (!lowered) {
              lower.resize(text.size());
              LowerAscii(text.data(), text.size(), lower.data());
              lowered = true;
            }
            for (const Sub& sub : alt.subs) pass = pass || Contains(lower, sub);
          }
          if (pass) candidates |= uint64_t{1} << alt.rule;
        }
      }
    }
    return candidates;
  }

  uint64_t Candidates(std::string_view text, bool any_length = false) const {
    thread_local boilerplate_internal::UnitWords w;
    boilerplate_internal::ScanWords(text, &w);
    return Candidates(w, text, any_length);
  }

  // Candidates, plainly (for tests): every word looked up, every prefix and every alternative tried, the
  // subs found in a lower-cased copy with std::string::find.
  uint64_t PlainCandidates(std::string_view text, bool any_length) const {
    if (text.empty()) return 0;
    boilerplate_internal::UnitWords w;
    boilerplate_internal::ScanWords(text, &w);
    if (w.fold_sensitive) return all_;
    GateBits have{};
    const bool flags[kFlagCount] = {w.copyright, w.chevron, w.gt, w.lead_digit, w.lead_number};
    for (size_t f = 0; f < kFlagCount; ++f) {
      if (flags[f]) Or(&have, flags_[f]);
    }
    for (size_t i = 0; i < w.words.size(); ++i) {
      if (const Entry* e = Lookup(w.words[i])) {
        if (i == 0) Or(&have, e->first);
        Or(&have, e->any);
      }
    }
    for (const std::vector<Prefix>& list : prefixes_) {
      for (const Prefix& pre : list) {
        if (w.first_len >= pre.len && (w.first_lo & pre.lo_mask) == pre.lo &&
            (w.first_hi & pre.hi_mask) == pre.hi) {
          Or(&have, pre.bits);
        }
      }
    }
    std::string lower(text);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    uint64_t candidates = 0;
    for (const Alternative& alt : alternatives_) {
      if (!Covers(have, alt.need) || (w.chunks > alt.max_chunks && !any_length)) continue;
      bool pass = alt.subs.empty();
      for (const Sub& sub : alt.subs) pass = pass || lower.find(sub.text) != std::string::npos;
      if (pass) candidates |= uint64_t{1} << alt.rule;
    }
    return candidates;
  }

 private:
  struct Entry {
    GateBits first{}, any{};
  };
  // The index: open addressing on the words' hashes (HashBytes), behind a filter bitmap that turns away
  // almost every other word with one load.
  struct Slot {
    uint64_t hash = 0;
    uint32_t entry = kEmpty;
  };
  struct Prefix {
    uint64_t lo_mask, hi_mask, lo, hi;
    uint32_t len;
    GateBits bits;
  };
  // A sub: condition's string, and the index of its byte that is searched for first.
  struct Sub {
    std::string text;
    size_t anchor = 0;
  };
  struct Alternative {
    GateBits need{};
    std::vector<Sub> subs;
    uint32_t max_chunks = ~uint32_t{0};
    uint32_t rule = 0;  // the rule's index
  };

  Status AddAlternative(std::string_view rule, int index, std::string_view alt_spec) {
    Alternative alt;
    alt.rule = static_cast<uint32_t>(index);
    all_ |= uint64_t{1} << index;
    bool cheap = false;
    size_t lowest = 0;
    size_t pos = 0;
    while (pos < alt_spec.size()) {
      size_t end = alt_spec.find(' ', pos);
      if (end == std::string_view::npos) end = alt_spec.size();
      const std::string_view cond = alt_spec.substr(pos, end - pos);
      pos = end + 1;
      if (cond.empty()) continue;
      const size_t colon = cond.find(':');
      if (colon == std::string_view::npos) return Bad(rule, cond);
      const std::string_view kind = cond.substr(0, colon);
      std::vector<std::string> items;
      for (size_t b = colon + 1; b <= cond.size();) {
        size_t e = cond.find(',', b);
        if (e == std::string_view::npos) e = cond.size();
        if (e == b) return Bad(rule, cond);
        items.emplace_back(cond.substr(b, e - b));
        b = e + 1;
      }
      if (kind == "maxchunks") {
        if (items.size() != 1 || items[0].find_first_not_of("0123456789") != std::string::npos) {
          return Bad(rule, cond);
        }
        alt.max_chunks = static_cast<uint32_t>(std::stoul(items[0]));
        continue;
      }
      if (kind == "sub") {
        for (std::string& item : items) {
          std::replace(item.begin(), item.end(), '_', ' ');
          if (item == "{comma}") item = ",";
          alt.subs.push_back({item, Anchor(item)});
        }
        continue;
      }
      if (conditions_ >= 64 * kGateBitWords) return Status::InvalidArgument("too many gate conditions");
      const size_t bit = conditions_++;
      if (!cheap) lowest = bit;
      GateBits one{};
      one[bit / 64] = uint64_t{1} << (bit % 64);
      Or(&alt.need, one);
      cheap = true;
      if (kind == "flag") {
        static constexpr std::string_view kFlags[] = {"copysign", "chevron", "gt", "leaddigit", "leadnum"};
        for (const std::string& item : items) {
          const auto* f = std::find(std::begin(kFlags), std::end(kFlags), item);
          if (f == std::end(kFlags)) return Bad(rule, cond);
          Or(&flags_[f - std::begin(kFlags)], one);
        }
        continue;
      }
      if (kind != "first" && kind != "any") return Bad(rule, cond);
      for (const std::string& item : items) {
        const bool prefix = item.back() == '*';
        const std::string word = prefix ? item.substr(0, item.size() - 1) : item;
        if (word.empty() || word.size() > kMaxGateWord ||
            !std::all_of(word.begin(), word.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; }) ||
            (prefix && kind != "first")) {
          return Bad(rule, cond);
        }
        if (prefix) {
          Prefix pre;
          PrefixKey(word, &pre.lo, &pre.hi);
          PrefixKey(std::string(word.size(), '\xFF'), &pre.lo_mask, &pre.hi_mask);
          pre.len = static_cast<uint32_t>(word.size());
          pre.bits = one;
          prefixes_[word[0] - 'a'].push_back(pre);
          continue;
        }
        const uint64_t h = boilerplate_internal::HashBytes(word);
        Entry& e = entries_[Insert(h)];
        if (kind == "first") {
          Or(&e.first, one);
        } else {
          Or(&e.any, one);
          filter_[(h >> 6) & (kFilterBits / 64 - 1)] |= uint64_t{1} << (h & 63);
        }
      }
    }
    if (!cheap) return Bad(rule, alt_spec);  // a sub: or maxchunks: needs a cheaper condition with it
    if (by_bit_.size() <= lowest) by_bit_.resize(lowest + 1);
    by_bit_[lowest].push_back(static_cast<uint32_t>(alternatives_.size()));
    alternatives_.push_back(std::move(alt));
    by_bit_.resize(conditions_);
    return Status::OK();
  }

  static Status Bad(std::string_view rule, std::string_view what) {
    return Status::InvalidArgument("gate of rule '" + std::string(rule) + "': bad condition '" +
                                   std::string(what) + "'");
  }

  // The index of the byte of `sub` least frequent in English text: a space or a common letter would stop
  // the search for the sub at every few bytes of a line.
  static size_t Anchor(std::string_view sub) {
    constexpr std::string_view kByFrequency = " etaoinshrdlcumwfgypbvkjxqz";
    size_t best = 0, best_rank = 0;
    for (size_t k = 0; k < sub.size(); ++k) {
      const size_t at = kByFrequency.find(sub[k]);
      const size_t rank = at == std::string_view::npos ? kByFrequency.size() : at;
      if (k == 0 || rank > best_rank) {
        best = k;
        best_rank = rank;
      }
    }
    return best;
  }

  // Whether `sub` occurs in `text`. std::string::find stops at every byte equal to the sub's first (a 't'
  // of "the comment" every few bytes of a line) for a call to memcmp; the search stops at the sub's
  // rarest byte instead (memmem, at about a byte an instruction, cost twice as much).
  static bool Contains(std::string_view text, const Sub& sub) {
    const size_t m = sub.text.size();
    const size_t j = sub.anchor;
    if (text.size() < m) return false;
    // The anchor byte of an occurrence lies at j to text.size() - m + j.
    const char* p = text.data() + j;
    const char* const end = text.data() + (text.size() - m + j + 1);
    while (p < end) {
      p = static_cast<const char*>(std::memchr(p, sub.text[j], static_cast<size_t>(end - p)));
      if (p == nullptr) return false;
      if (std::memcmp(p - j, sub.text.data(), m) == 0) return true;
      ++p;
    }
    return false;
  }

  // The entry of the word with hash `h`, added when new.
  uint32_t Insert(uint64_t h) {
    if (const Entry* e = Lookup(h)) return static_cast<uint32_t>(e - entries_.data());
    const auto id = static_cast<uint32_t>(entries_.size());
    entries_.emplace_back();
    hashes_.push_back(h);
    // Rebuild the index at a quarter load.
    size_t size = 64;
    while (size < 4 * hashes_.size()) size *= 2;
    table_.assign(size, Slot());
    for (uint32_t k = 0; k < hashes_.size(); ++k) {
      size_t at = (hashes_[k] >> 40) & (size - 1);
      while (table_[at].entry != kEmpty) at = (at + 1) & (size - 1);
      table_[at] = {hashes_[k], k};
    }
    return id;
  }

  const Entry* Lookup(uint64_t h) const {
    const size_t mask = table_.size() - 1;
    for (size_t at = (h >> 40) & mask;; at = (at + 1) & mask) {
      const Slot& slot = table_[at];
      if (slot.entry == kEmpty) return nullptr;
      if (slot.hash == h) return &entries_[slot.entry];
    }
  }

  static constexpr uint32_t kEmpty = ~uint32_t{0};
  static constexpr size_t kFilterBits = 1 << 14;
  std::vector<Slot> table_ = std::vector<Slot>(64);
  std::vector<uint64_t> hashes_;
  std::array<uint64_t, kFilterBits / 64> filter_{};
  std::vector<Entry> entries_;
  std::array<std::vector<Prefix>, 26> prefixes_;  // first-word prefixes by their first letter
  std::array<GateBits, kFlagCount> flags_{};
  std::vector<Alternative> alternatives_;
  std::vector<std::vector<uint32_t>> by_bit_;  // condition -> alternatives whose lowest condition it is
  size_t conditions_ = 0;
  uint64_t all_ = 0;  // every gated rule
};

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

// The gate of a built-in lead-in rule: what every text the rule matches holds. A rule whose gate refuses
// a text is not run on it.
struct LeadInGate {
  // Literal pieces, one of which the text contains (none: no such condition).
  std::vector<std::string_view> pieces;
  // Words, one of which opens one of the text's second to fifth words (runs of bytes other than RE2's
  // \s, [\t\n\f\r ]), the text not opening with \s (none: no such condition).
  std::vector<std::string_view> verbs;

  bool Admits(std::string_view text) const;
};

// A compiled list of rules: whole-unit rules in one set, lead-in rules one by one.
struct Compiled {
  // The set of every whole-unit rule. For the built-in rules it is built on first use: behind the
  // prefilter, units are matched against their few candidate rules one by one, and the set (more than
  // half the time it takes to compile the rules) is only needed without the prefilter.
  const RE2::Set* Set() const {
    std::call_once(set_once, [this] {
      if (set != nullptr) return;
      auto built = std::make_unique<RE2::Set>(PatternOptions(), RE2::ANCHOR_BOTH);
      for (const std::string& pattern : set_patterns) {
        std::string error;
        if (built->Add(pattern, &error) < 0) return;  // checked when the rules were compiled one by one
      }
      if (built->Compile()) set = std::move(built);
    });
    return set.get();
  }
  mutable std::unique_ptr<RE2::Set> set;  // null: match the rules one by one
  mutable std::once_flag set_once;
  std::vector<std::string> set_patterns;
  std::vector<int> set_rule;  // set index -> index in the compiled list
  // The gates of the whole-unit rules, when every one has a gate (the built-in rules).
  Prefilter prefilter;
  bool gated = false;
  std::vector<const RE2*> by_rule;  // the whole-unit rules by index (null for the others)
  // The whole-unit rules one by one: the fallback when the set's DFA runs out of memory on some input.
  std::vector<std::pair<int, std::unique_ptr<RE2>>> whole;
  std::vector<std::pair<int, std::unique_ptr<RE2>>> lead_in;
  // For each of lead_in, what a text it matches holds (LeadInGates; none known: the rule always runs).
  // Only the built-in rules have them.
  std::vector<LeadInGate> lead_in_needs;

  // Compiles `rules`; the set at once unless `lazy_set` (then its errors cannot be reported: for rules
  // already known to be valid).
  Status Compile(const std::vector<BoilerplateRule>& rules, bool lazy_set) {
    if (!lazy_set) set = std::make_unique<RE2::Set>(PatternOptions(), RE2::ANCHOR_BOTH);
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
      if (!lazy_set && set->Add(r.pattern, &error) < 0) {
        return Status::InvalidArgument("rule '" + r.name + "': bad pattern: " + error);
      }
      set_patterns.push_back(r.pattern);
      set_rule.push_back(static_cast<int>(i));
      whole.emplace_back(static_cast<int>(i), std::move(re));
    }
    if (!lazy_set && !set_rule.empty() && !set->Compile()) {
      return Status::InvalidArgument("the rule set is too large to compile");
    }
    by_rule.assign(rules.size(), nullptr);
    for (const auto& [rule, re] : whole) by_rule[rule] = re.get();
    return Status::OK();
  }

  // The rules among `candidates` (bits over the rule indices, all below 64) that match all of `unit`, one
  // by one: small automata, where the set's is large and slow to build.
  uint64_t MatchCandidates(std::string_view unit, uint64_t candidates) const {
    uint64_t mask = 0;
    for (uint64_t c = candidates; c != 0; c &= c - 1) {
      const int rule = __builtin_ctzll(c);
      if (by_rule[rule] != nullptr && RE2::FullMatch(unit, *by_rule[rule])) mask |= uint64_t{1} << rule;
    }
    return mask;
  }

  // Every rule that matches all of `unit`, as bits over the rule indices (all below 64).
  uint64_t MatchMask(std::string_view unit) const {
    if (set_rule.empty()) return 0;
    thread_local std::vector<int> hits;  // reused: this runs once per line of the corpus
    hits.clear();
    RE2::Set::ErrorInfo info{RE2::Set::kNoError};
    uint64_t mask = 0;
    const RE2::Set* all = Set();
    if (all != nullptr && all->Match(unit, &hits, &info)) {
      for (int h : hits) mask |= uint64_t{1} << set_rule[h];
      return mask;
    }
    if (all != nullptr && info.kind == RE2::Set::kNoError) return 0;
    // The set could not decide (DFA memory), or there is none; ask each rule on its own.
    for (const auto& [rule, re] : whole) {
      if (RE2::FullMatch(unit, *re)) mask |= uint64_t{1} << rule;
    }
    return mask;
  }

  // The lowest-index rule accepted by `enabled` that matches all of `unit`, or -1.
  int MatchWhole(std::string_view unit, const std::vector<bool>& enabled, size_t offset) const {
    if (set_rule.empty()) return -1;
    thread_local std::vector<int> hits;  // reused: this runs once per line of the corpus
    hits.clear();
    RE2::Set::ErrorInfo info{RE2::Set::kNoError};
    int best = -1;
    const RE2::Set* all = Set();
    if (all != nullptr && all->Match(unit, &hits, &info)) {
      for (int h : hits) {
        const int rule = set_rule[h];
        if (enabled[offset + rule] && (best < 0 || rule < best)) best = rule;
      }
      return best;
    }
    if (all != nullptr && info.kind == RE2::Set::kNoError) return -1;
    // The set could not decide (DFA memory), or there is none; ask each rule on its own.
    for (const auto& [rule, re] : whole) {
      if (enabled[offset + rule] && RE2::FullMatch(unit, *re)) return rule;
    }
    return -1;
  }
};

// The gates of the built-in lead-in rules. MatchLeadIn runs on the first units of every document, and
// few of them hold a dateline's "(" or open with an outlet and its verb: the rule's automaton then need
// not run (a call into RE2 that the automaton turns away within a few bytes still costs about 800
// instructions, several times this gate). A rule not listed here always runs. Only conditions cheaper to
// check than the rule is to run: attribution.citing also needs one of "citing", "quoting", "with reference
// to", "referring to", but looking for them anywhere in the text (string_view::find, memmem) cost as many
// instructions as the automaton; its outlet (kOutlet: one to four words, none with \s in it, the first at the
// text's start) and its verb are read from the first five words.
const std::vector<std::pair<std::string_view, LeadInGate>>& LeadInGates() {
  static const std::vector<std::pair<std::string_view, LeadInGate>> gates = {
      {"attribution.dateline", {{"("}, {}}},
      {"attribution.citing", {{}, {"informs", "reports", "writes", "relays", "notes", "learn", "has"}}},
  };
  return gates;
}

bool LeadInGate::Admits(std::string_view text) const {
  if (!pieces.empty() && std::none_of(pieces.begin(), pieces.end(), [&](std::string_view piece) {
        return text.find(piece) != std::string_view::npos;
      })) {
    return false;
  }
  if (verbs.empty()) return true;
  // RE2's \s, which separates the outlet's words and the verb.
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; };
  if (text.empty() || space(text[0])) return false;
  size_t i = 0;
  for (int word = 2; word <= 5; ++word) {
    while (i < text.size() && !space(text[i])) ++i;
    while (i < text.size() && space(text[i])) ++i;
    if (i == text.size()) return false;
    const std::string_view rest = text.substr(i);
    for (const std::string_view verb : verbs) {
      if (rest[0] == verb[0] && rest.starts_with(verb)) return true;
    }
  }
  return false;
}

// The gates of the built-in whole-unit rules. InvalidArgument when one has none or a malformed one;
// the set then runs ungated.
Status BuildBuiltinPrefilter(Prefilter* prefilter) {
  const std::vector<BoilerplateRule>& rules = BoilerplateRules::Builtin();
  for (size_t i = 0; i < rules.size(); ++i) {
    const BoilerplateRule& rule = rules[i];
    if (rule.category == kLeadInCategory) continue;
    const auto& specs = GateSpecs();
    const auto it =
        std::find_if(specs.begin(), specs.end(), [&](const auto& g) { return g.first == rule.name; });
    if (it == specs.end()) return Status::InvalidArgument("rule '" + rule.name + "' has no gate");
    NEARDUP_RETURN_IF_ERROR(prefilter->Add(rule.name, static_cast<int>(i), it->second));
  }
  return Status::OK();
}

// The built-in rules are compiled once per process: compiling them takes a noticeable fraction of a
// second, and disabling some only filters their matches.
const Compiled& CompiledBuiltin() {
  static const Compiled* compiled = [] {
    auto* c = new Compiled();
    const Status s = c->Compile(BoilerplateRules::Builtin(), /*lazy_set=*/true);
    (void)s;  // the built-in patterns are valid: tests compile every one of them
    c->gated = BuildBuiltinPrefilter(&c->prefilter).ok();
    c->lead_in_needs.resize(c->lead_in.size());
    for (size_t k = 0; k < c->lead_in.size(); ++k) {
      const std::string& name = BoilerplateRules::Builtin()[c->lead_in[k].first].name;
      for (const auto& [rule, needs] : LeadInGates()) {
        if (rule == name) c->lead_in_needs[k] = needs;
      }
    }
    return c;
  }();
  return *compiled;
}

}  // namespace

struct BoilerplateRules::Impl {
  const Compiled* builtin = nullptr;
  uint64_t builtin_enabled = 0;  // the enabled built-in rules, as bits over their indices
  Compiled user;                 // the rules file's rules, indexed after the built-in ones
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
  rules->open_trail_.resize(rules->rules_.size());
  for (size_t i = 0; i < rules->rules_.size(); ++i) {
    const BoilerplateRule& r = rules->rules_[i];
    // Every breadcrumb pattern runs on to the end of its trail; of the built-in related rules, the links
    // do and the box's header does not.
    rules->open_trail_[i] = r.category == "breadcrumb" ||
                            (r.category == "related" && (!r.builtin || std::string_view(r.pattern).ends_with(kTrail)));
  }
  rules->impl_->builtin = &CompiledBuiltin();
  for (size_t i = 0; i < Builtin().size() && i < 64; ++i) {
    if (rules->enabled_[i]) rules->impl_->builtin_enabled |= uint64_t{1} << i;
  }
  NEARDUP_RETURN_IF_ERROR(rules->impl_->user.Compile(extra, /*lazy_set=*/false));
  *out = std::move(rules);
  return Status::OK();
}

uint64_t BoilerplateRules::BuiltinCandidates(std::string_view unit,
                                             const boilerplate_internal::UnitWords* words) const {
  const Compiled& b = *impl_->builtin;
  if (!b.gated || boilerplate_internal::ReferencePathsForTesting()) return kAllBuiltin;
  return words != nullptr ? b.prefilter.Candidates(*words, unit) : b.prefilter.Candidates(unit);
}

namespace {

// The built-in rules that match all of `unit` (bits over their indices), given the rules that may
// (`candidates`, from the prefilter; all of them for an ungated set), remembered per thread: a site's
// furniture lines recur verbatim in all its pages, and so do the stock sentences of its articles that
// pass the prefilter; a lookup costs less than a match. The key is the text's 128-bit XXH3 and its
// length (no two texts of a run will share one) and the candidates asked for, so a cached mask is the
// one a match would give.
uint64_t BuiltinMatchMask(const Compiled& builtin, std::string_view unit, uint64_t candidates, bool all) {
  constexpr size_t kEntries = 4096;
  struct Entry {
    XXH128_hash_t hash{0, 0};
    uint64_t mask = 0;
    uint64_t candidates = 0;  // the rules the mask was matched for (all bits, with `all`)
    uint32_t len = ~uint32_t{0};
  };
  thread_local std::vector<Entry> cache(kEntries);
  const XXH128_hash_t h = XXH3_128bits(unit.data(), unit.size());
  Entry& e = cache[h.low64 & (kEntries - 1)];
  // Keyed by the candidates too: a mask matched for some rules says nothing of the others, so a
  // reference path asking for all of them (or a test comparing a gated and an ungated call in one
  // thread) never gets a mask that a prefilter or gate narrowed.
  const uint64_t asked = all ? ~uint64_t{0} : candidates;
  if (e.len == unit.size() && e.candidates == asked && XXH128_isEqual(e.hash, h)) return e.mask;
  // The candidates, each with its own small automaton; all of them (no prefilter) with the set.
  e.mask = all ? builtin.MatchMask(unit) : builtin.MatchCandidates(unit, candidates);
  e.hash = h;
  e.candidates = asked;
  e.len = static_cast<uint32_t>(unit.size());
  return e.mask;
}

}  // namespace

int BoilerplateRules::MatchWholeImpl(std::string_view unit, uint64_t candidates) const {
  if (unit.empty() || unit.size() > kMaxUnitBytes) return -1;
  if (candidates != 0) {
    if (Builtin().size() <= 64) {  // bits over the rule indices
      const bool all = candidates == kAllBuiltin;
      const uint64_t mask = BuiltinMatchMask(*impl_->builtin, unit, candidates, all) & impl_->builtin_enabled;
      if (mask != 0) return __builtin_ctzll(mask);
    } else {
      const int builtin = impl_->builtin->MatchWhole(unit, enabled_, 0);
      if (builtin >= 0) return builtin;
    }
  }
  if (impl_->user.set_rule.empty()) return -1;
  const size_t offset = Builtin().size();
  const int user = impl_->user.MatchWhole(unit, enabled_, offset);
  return user >= 0 ? static_cast<int>(offset) + user : -1;
}

int BoilerplateRules::MatchWhole(std::string_view unit, const boilerplate_internal::UnitWords* words) const {
  if (unit.empty() || unit.size() > kMaxUnitBytes) return -1;
  return MatchWholeImpl(unit, BuiltinCandidates(unit, words));
}

Status BoilerplateRules::CheckBuiltinPrefilter() {
  Prefilter prefilter;
  return BuildBuiltinPrefilter(&prefilter);
}

uint64_t BoilerplateRules::BuiltinCandidatesForTesting(std::string_view text, bool any_length,
                                                       bool plain) const {
  const Compiled& b = *impl_->builtin;
  if (!b.gated) return kAllBuiltin;
  return plain ? b.prefilter.PlainCandidates(text, any_length) : b.prefilter.Candidates(text, any_length);
}

bool BoilerplateRules::MayMatchPrefix(std::string_view text) const {
  if (text.empty()) return false;
  if (!impl_->user.set_rule.empty()) return true;
  const Compiled& b = *impl_->builtin;
  if (!b.gated || boilerplate_internal::ReferencePathsForTesting()) return true;
  return (b.prefilter.Candidates(text, true) & impl_->builtin_enabled) != 0;
}

int BoilerplateRules::MatchWholeUnfiltered(std::string_view unit) const {
  return MatchWholeImpl(unit, kAllBuiltin);
}

namespace {

// Whitespace as the tokenizer counts runs of characters between it (UnitWords::chunks).
inline bool ChunkSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

}  // namespace

void ConcatenateWords(const boilerplate_internal::UnitWords* parts, size_t count, std::string_view text,
                      const boilerplate_internal::Unit* spans, boilerplate_internal::UnitWords* out) {
  // No word crosses the whitespace between two spans (a span is trimmed text, the bytes between are
  // whitespace), so the words are those of the parts in order, and the flags theirs taken together.
  const boilerplate_internal::UnitWords& head = parts[0];
  out->lead_digit = head.lead_digit;
  out->lead_number = head.lead_number;
  for (size_t k = 0; k < count; ++k) {
    const boilerplate_internal::UnitWords& w = parts[k];
    if (out->first_len == 0 && w.first_len > 0) {
      out->first_len = w.first_len;
      out->first_lo = w.first_lo;
      out->first_hi = w.first_hi;
    }
    out->words.insert(out->words.end(), w.words.begin(), w.words.end());
    out->chunks += w.chunks;
    out->gt |= w.gt;
    out->chevron |= w.chevron;
    out->copyright |= w.copyright;
    out->fold_sensitive |= w.fold_sensitive;
    if (k + 1 == count) break;
    // The bytes between this span and the next: whitespace to a sentence splitter, but a non-ASCII space
    // (no-break space) is no whitespace to the chunk count. Its runs are chunks of their own, or join
    // the chunk they touch: that of the span before (a span ends in a character that is no whitespace),
    // or after.
    const std::string_view gap = text.substr(spans[k].text_end, spans[k + 1].text_begin - spans[k].text_end);
    uint32_t runs = 0;
    for (size_t j = 0; j < gap.size(); ++j) runs += !ChunkSpace(gap[j]) && (j == 0 || ChunkSpace(gap[j - 1]));
    const bool glued_before =
        spans[k].text_end > spans[k].text_begin && !gap.empty() && !ChunkSpace(gap.front());
    const bool glued_after =
        spans[k + 1].text_end > spans[k + 1].text_begin && !gap.empty() && !ChunkSpace(gap.back());
    const bool touching = gap.empty() && spans[k].text_end > spans[k].text_begin &&
                          spans[k + 1].text_end > spans[k + 1].text_begin;
    out->chunks = out->chunks + runs - glued_before - glued_after - touching;
  }
}

int BoilerplateRules::Classify(std::string_view unit, const boilerplate_internal::UnitWords* words) const {
  if (unit.empty() || unit.size() > kMaxUnitBytes) return -1;
  const uint64_t candidates = BuiltinCandidates(unit, words);
  // Every run of sentences that could cover the unit starts with its first sentence, and a gate that
  // refuses the whole unit refuses every prefix of it (same first word, fewer words and characters).
  if (candidates == 0 && impl_->user.set_rule.empty()) return -1;
  const int whole = MatchWholeImpl(unit, candidates);
  if (whole >= 0 || unit.size() > kMaxCoverBytes) return whole;
  const std::vector<boilerplate_internal::Unit> sentences = boilerplate_internal::SplitSentences(unit);
  if (sentences.size() < 2) return -1;
  // The prefilter's words of a run of sentences, from those of its sentences (each found once, when
  // first needed): scanning every run tried scanned each sentence up to six times. A sentence's words
  // are a stretch of the unit's (`words`, which the tokenizer gathered over the whole unit), so it is not
  // tokenized again (PieceWords); the stretch starts after the words of the sentences before it, which
  // are found in order (a run starts where the last one covered ended).
  thread_local std::vector<boilerplate_internal::UnitWords> sentence_words;
  thread_local std::vector<uint8_t> scanned;
  thread_local std::vector<size_t> first_word;  // the index in words->words of sentence k's first word
  thread_local boilerplate_internal::UnitWords run_words;
  if (sentence_words.size() < sentences.size()) sentence_words.resize(sentences.size());
  scanned.assign(sentences.size(), 0);
  first_word.resize(sentences.size());
  const bool slice = words != nullptr && !boilerplate_internal::ReferencePathsForTesting();
  auto words_of_run = [&](size_t i, size_t len) -> const boilerplate_internal::UnitWords& {
    for (size_t k = i; k < i + len; ++k) {
      if (scanned[k]) continue;
      const boilerplate_internal::Unit& s = sentences[k];
      bool sliced = false;
      if (slice && (k == 0 || scanned[k - 1])) {
        first_word[k] =
            k == 0 ? boilerplate_internal::CountLetterRuns(unit, 0, s.text_begin)
                   : first_word[k - 1] + sentence_words[k - 1].words.size() +
                         boilerplate_internal::CountLetterRuns(unit, sentences[k - 1].text_end, s.text_begin);
        sliced = boilerplate_internal::PieceWords(unit, *words, first_word[k], s.text_begin, s.text_end,
                                                  &sentence_words[k]);
      }
      if (!sliced) {
        boilerplate_internal::ScanWords(unit.substr(s.text_begin, s.text_end - s.text_begin),
                                        &sentence_words[k]);
      }
      scanned[k] = 1;
    }
    if (len == 1) return sentence_words[i];
    run_words.Clear();
    ConcatenateWords(sentence_words.data() + i, len, unit, sentences.data() + i, &run_words);
    return run_words;
  };
  // Cover the sentences left to right, each step with the longest run (up to three sentences) that one
  // rule matches whole; one uncovered sentence means the line is not furniture.
  constexpr size_t kMaxRun = 3;
  int first = -1;
  size_t i = 0;
  while (i < sentences.size()) {
    bool covered = false;
    for (size_t len = std::min(kMaxRun, sentences.size() - i); len >= 1; --len) {
      const size_t b = sentences[i].text_begin, e = sentences[i + len - 1].text_end;
      const int r = MatchWhole(unit.substr(b, e - b), &words_of_run(i, len));
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
    for (size_t k = 0; k < c->lead_in.size(); ++k) {
      const auto& [rule, re] = c->lead_in[k];
      if (!enabled_[base + rule]) continue;
      if (k < c->lead_in_needs.size() && !boilerplate_internal::ReferencePathsForTesting() &&
          !c->lead_in_needs[k].Admits(unit)) {
        continue;
      }
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
