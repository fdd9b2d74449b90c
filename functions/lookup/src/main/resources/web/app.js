'use strict';

// The lookup page. Plain DOM, textContent only (never innerHTML): every text shown here is data.
(function () {
  var TEXT = {
    ko: {
      pageTitle: '개인정보 유출 안내와 조회',
      brand: '개인정보 유출 안내',
      skipToCheck: '내 정보 확인으로 건너뛰기',
      toggle: 'English',
      toggleLang: 'en',
      incidentTitle: '개인정보 유출 사고 안내',
      incidentLoading: '안내를 불러오는 중입니다…',
      incidentFailed: '안내를 불러오지 못했습니다. 잠시 후 새로고침해 주세요.',
      leakedHeading: '유출된 항목',
      timelineHeading: '무슨 일이 있었나요',
      actionsHeading: '회사가 하고 있는 일',
      precautionsHeading: '꼭 지켜 주세요: 피싱 예방 수칙',
      precautionApps: '저희는 전화나 문자로 앱 설치를 요청하지 않습니다.',
      precautionLinks: '저희 안내 메시지에는 링크가 없습니다.',
      precautionReport: '의심스러운 연락은 한국인터넷진흥원(KISA) {kisaPhone}에 신고하세요.',
      checkHeading: '내 정보가 유출되었는지 확인하기',
      checkIntro: '이메일 주소나 휴대전화 번호로 인증번호를 받아 확인합니다.',
      contactLabel: '이메일 주소 또는 휴대전화 번호',
      contactHint: '예: name@example.com 또는 010-1234-5678',
      startCheck: '인증번호 받기',
      codeLabel: '인증번호 6자리',
      noCodeHint: '인증번호가 몇 분 안에 오지 않으면 스팸함을 확인하거나 다른 연락처(이메일 또는 휴대전화)로 다시 해 보세요. 인증번호가 오지 않았다고 해서 유출되지 않았다는 뜻은 아닙니다. 유출 전담 고객센터 {helpLine}({helpHours})로 확인해 주세요. 고객의 배송지 주소록에 저장되었던 분은 휴대전화 번호로 확인하실 수 있습니다.',
      verifyCode: '확인',
      restart: '다른 연락처로 다시 하기',
      sending: '요청하는 중입니다…',
      codeAsked: '요청을 받았습니다. 인증번호는 저희 기록에 있는 연락처로만 보내며, 도착까지 몇 분 걸릴 수 있습니다. 10분 안에 입력해 주세요.',
      needContact: '이메일 주소나 휴대전화 번호를 입력해 주세요.',
      needCode: '받으신 인증번호 6자리를 숫자로 입력해 주세요.',
      invalidContact: '이메일 주소나 휴대전화 번호 형식이 아닙니다. 다시 확인해 주세요.',
      rateLimited: '오늘 이 연락처로 요청할 수 있는 횟수를 넘었습니다. 내일 다시 시도해 주세요.',
      wrongCode: '인증번호가 맞지 않습니다. 남은 기회: {n}번',
      tooMany: '인증번호를 여러 번 틀렸습니다. 인증번호를 새로 받아 주세요.',
      expired: '인증번호가 만료되었거나 이미 사용되었습니다. 인증번호를 새로 받아 주세요.',
      failed: '처리하지 못했습니다. 잠시 후 다시 시도해 주세요.',
      busy: '요청이 너무 많습니다. {m}분 뒤에 다시 시도해 주세요.',
      serviceBusy: '지금 이용자가 많아 요청을 처리하지 못했습니다. 이 연락처의 문제는 아닙니다. {m}분 뒤에 다시 시도해 주세요.',
      codesBusy: '지금 인증번호 요청이 너무 많아 보내지 못했습니다. 이 연락처의 문제는 아닙니다. {time}에 다시 시도해 주세요.',
      edgeCheck: '요청을 처리하기 전에 보안 확인이 필요합니다. 이 페이지를 새로고침하고, 확인 화면이 나오면 완료한 뒤 다시 시도해 주세요. 이 연락처의 문제가 아니며, 유출 여부와도 관계가 없습니다.',
      affectedHeading: '이 연락처의 정보가 유출되었습니다',
      affectedSummary: '아래 항목이 유출되었습니다. 위의 피싱 예방 수칙을 꼭 지켜 주세요.',
      notAffectedHeading: '이 연락처로 확인된 유출 항목이 없습니다',
      notAffectedSummary: '저희 기록에 이 연락처의 유출 항목이 없습니다. 잘못되었다고 생각되시면 {helpLine}로 문의해 주세요.',
      resultItemsHeading: '유출된 내 정보',
      resultNoticesHeading: '보내 드린 안내',
      noItems: '없음',
      role: { customer: '고객님 계정에서', address_book: '다른 고객의 배송지 주소록에 저장된 분으로서' },
      noNotices: '아직 보낸 안내가 없습니다.',
      notSent: '보내는 중',
      channel: { email: '이메일', sms: '문자' },
      status: {
        sending: '보내는 중', sent: '보냄', delivered: '받으심', failed: '보내지 못함',
        suppressed: '보내지 않음(수신 거부 등)', bounced: '반송됨', complained: '스팸 신고됨',
        cancelled: '보내지 않음(발송 취소)'
      },
      referenceHeading: '받은 메시지가 진짜인지 확인하기',
      referenceLabel: '메시지에 적힌 참조번호',
      referenceHint: '예: ABCD-EFGH-JKMN-PQ',
      checkReference: '확인',
      needReference: '메시지에 적힌 참조번호를 입력해 주세요.',
      referenceGenuine: '저희가 보낸 진짜 안내입니다: {title} ({channel}, {sentAt})',
      referenceRecipient: '이 안내를 받은 사람: {recipient}. 본인이 아니라면 이 참조번호는 다른 사람이 받은 안내에서 복사된 것입니다. 이 번호가 적힌 메시지는 저희가 보낸 것이 아닙니다: 링크를 열거나 답장하지 마시고 KISA {kisaPhone}에 신고해 주세요.',
      referenceFake: '저희가 보낸 안내 중에 이 참조번호는 없습니다. 잘못 입력하지 않았는지 확인해 주세요. 맞게 입력했다면 저희가 보낸 메시지가 아닙니다: 링크를 열거나 답장하지 마시고 KISA {kisaPhone}에 신고해 주세요.',
      referenceInvalid: '참조번호 형식이 아닙니다. XXXX-XXXX-XXXX-XX 모양인지 확인해 주세요.',
      contactsHeading: '문의',
      referenceShort: '참조번호'
    },
    en: {
      pageTitle: 'Personal data leak: notice and check',
      brand: 'Personal data leak notice',
      skipToCheck: 'Skip to checking your record',
      toggle: '한국어',
      toggleLang: 'ko',
      incidentTitle: 'Notice of a personal data leak',
      incidentLoading: 'Loading the notice…',
      incidentFailed: 'The notice could not be loaded. Please reload the page in a moment.',
      leakedHeading: 'What leaked',
      timelineHeading: 'What happened',
      actionsHeading: 'What we are doing',
      precautionsHeading: 'Please follow these anti-phishing precautions',
      precautionApps: 'We never ask you to install an app, by call or by text.',
      precautionLinks: 'Our messages contain no links.',
      precautionReport: 'Report anything suspicious to KISA at {kisaPhone}.',
      checkHeading: 'Check whether your data leaked',
      checkIntro: 'We send a code to your email address or mobile number to check it is yours.',
      contactLabel: 'Email address or mobile phone number',
      contactHint: 'For example: name@example.com or 010-1234-5678',
      startCheck: 'Send me a code',
      codeLabel: '6-digit code',
      noCodeHint: 'If no code arrives within a few minutes, check your spam folder or try your other contact (email or mobile). A missing code does not mean your data is safe: please call our leak help line {helpLine} ({helpHours}). People saved in a customer\'s delivery address book can check with their mobile number.',
      verifyCode: 'Check',
      restart: 'Start again with another contact',
      sending: 'Sending your request…',
      codeAsked: 'Request received. We send codes only to contacts in our records, and one may take a few minutes to arrive. Please enter it within 10 minutes.',
      needContact: 'Please enter an email address or a mobile phone number.',
      needCode: 'Please enter the 6 digits of the code you received.',
      invalidContact: 'This does not look like an email address or a phone number. Please check it.',
      rateLimited: 'This contact has asked for too many codes today. Please try again tomorrow.',
      wrongCode: 'That code is not right. Tries left: {n}',
      tooMany: 'Too many wrong codes. Please ask for a new code.',
      expired: 'This code has expired or was already used. Please ask for a new code.',
      failed: 'Something went wrong. Please try again in a moment.',
      busy: 'Too many requests from your network. Please try again in {m} minutes.',
      serviceBusy: 'The service is very busy and could not take your request. This is not about your contact. Please try again in {m} minutes.',
      codesBusy: 'We are sending too many codes right now and could not send yours. This is not about your contact. Please try again at {time}.',
      edgeCheck: 'A security check is needed before we can take your request. Please reload this page, complete the check if one appears, and try again. This is not about your contact, and it says nothing about whether your data leaked.',
      affectedHeading: 'Data of this contact leaked',
      affectedSummary: 'The items below leaked. Please follow the precautions above.',
      notAffectedHeading: 'No leaked items found for this contact',
      notAffectedSummary: 'Our records hold no leaked items for this contact. If you think this is wrong, call {helpLine}.',
      resultItemsHeading: 'Your leaked data',
      resultNoticesHeading: 'Notices we sent you',
      noItems: 'None',
      role: { customer: 'From your customer account', address_book: 'As an entry in another customer\'s delivery address book' },
      noNotices: 'No notice has been sent yet.',
      notSent: 'sending',
      channel: { email: 'Email', sms: 'Text message' },
      status: {
        sending: 'being sent', sent: 'sent', delivered: 'delivered', failed: 'could not be sent',
        suppressed: 'not sent (opted out)', bounced: 'bounced', complained: 'marked as spam',
        cancelled: 'not sent (cancelled)'
      },
      referenceHeading: 'Check whether a message is really from us',
      referenceLabel: 'Reference code printed in the message',
      referenceHint: 'For example: ABCD-EFGH-JKMN-PQ',
      checkReference: 'Check',
      needReference: 'Please enter the reference code printed in the message.',
      referenceGenuine: 'This is a genuine notice from us: {title} ({channel}, {sentAt})',
      referenceRecipient: 'It was sent to: {recipient}. If that is not you, this reference code was copied from someone else\'s notice, and the message that carries it is not from us: do not open its links or reply; report it to KISA at {kisaPhone}.',
      referenceFake: 'None of our notices carries this reference code. Check that you typed it correctly. If you did, the message is not from us: do not open its links or reply; report it to KISA at {kisaPhone}.',
      referenceInvalid: 'This is not a reference code. It looks like XXXX-XXXX-XXXX-XX.',
      contactsHeading: 'Contact us',
      referenceShort: 'reference'
    }
  };

  var state = { lang: 'ko', incident: null, incidentFailed: false, challengeId: null, report: null };

  function $(id) { return document.getElementById(id); }
  // Facts (numbers, hours, the site) come from the published incident, never from these texts.
  function t(key) {
    var value = TEXT[state.lang][key];
    var incident = state.incident;
    if (typeof value !== 'string') { return value; }
    return value.replace(/\{(helpLine|helpHours|kisaPhone|smsSender|site)\}/g, function (_, name) {
      if (!incident) { return ''; }
      return name === 'helpHours' ? incident[state.lang].helpHours : (incident.facts[name] || '');
    });
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) { return values[name] == null ? '' : String(values[name]); });
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function listInto(node, texts) {
    clear(node);
    texts.forEach(function (text) {
      var li = document.createElement('li');
      li.textContent = text;
      node.appendChild(li);
    });
  }
  function formatTime(iso) {
    if (!iso) { return t('notSent'); }
    return new Intl.DateTimeFormat(state.lang === 'ko' ? 'ko-KR' : 'en-GB', {
      dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Seoul'
    }).format(new Date(iso));
  }
  function itemLabel(code) {
    var incident = state.incident && state.incident[state.lang];
    var found = incident && incident.leakedItems.filter(function (item) { return item.code === code; })[0];
    return found ? found.label : code;
  }
  function say(message) { $('status').textContent = message; }

  function applyLanguage() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll('[data-i18n]').forEach(function (node) {
      var value = t(node.getAttribute('data-i18n'));
      if (typeof value === 'string') { node.textContent = value; }
    });
    var toggle = $('lang-toggle');
    toggle.textContent = t('toggle');
    toggle.setAttribute('lang', t('toggleLang'));
    renderIncident();
    renderReport();
  }

  function renderIncident() {
    if (state.incidentFailed) { $('incident-summary').textContent = t('incidentFailed'); return; }
    if (!state.incident) { return; }
    var incident = state.incident[state.lang];
    $('incident-title').textContent = incident.title;
    $('incident-summary').textContent = incident.summary;
    $('incident-not-leaked').textContent = incident.notLeaked || '';
    listInto($('incident-items'), incident.leakedItems.map(function (item) { return item.label; }));
    listInto($('incident-timeline'), incident.timeline.map(function (step) { return step.when + ': ' + step.what; }));
    listInto($('incident-actions'), incident.actions);
    listInto($('incident-precautions'), incident.precautions);
    listInto($('incident-contacts'), incident.contacts.map(function (c) { return c.label + ': ' + c.value; }));
  }

  function renderReport() {
    var report = state.report;
    var result = $('result');
    if (!report) { result.hidden = true; return; }
    $('result-heading').textContent = t(report.affected ? 'affectedHeading' : 'notAffectedHeading');
    $('result-summary').textContent = t(report.affected ? 'affectedSummary' : 'notAffectedSummary');
    listInto($('result-items'), report.items.length ? report.items.map(itemLabel) : [t('noItems')]);
    // Per role, when the contact holds a role other than customer (an address-book entry, or both).
    var roles = (report.roles || []).filter(function (r) { return r.role !== 'customer'; }).length ? report.roles : [];
    listInto($('result-roles'), roles.map(function (r) {
      return (t('role')[r.role] || r.role) + ': ' + r.items.map(itemLabel).join(', ');
    }));
    listInto($('result-notices'), report.notices.length ? report.notices.map(function (notice) {
      return notice.title + ' · ' + (t('channel')[notice.channel] || notice.channel) + ' · ' +
        formatTime(notice.sentAt) + ' · ' + (t('status')[notice.status] || notice.status) + ' · ' +
        t('referenceShort') + ' ' + notice.reference;
    }) : [t('noNotices')]);
    result.hidden = false;
  }

  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store'
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        return {
          status: response.status,
          body: json,
          retryAfter: Number(response.headers.get('Retry-After')) || 60,
          wafAction: (response.headers.get('x-amzn-waf-action') || '').toLowerCase()
        };
      });
    });
  }

  // Our own answers carry an error code; API Gateway's and the edge's (throttling, overload) do not.
  function ours(answer) { return typeof answer.body.error === 'string'; }
  function minutes(answer) { return Math.max(1, Math.ceil(answer.retryAfter / 60)); }
  // Busy before the request reached us (gateway or edge), or over the per-address limit (any route):
  // the same words wherever it is met, and never the words of a per-contact limit.
  function tooBusy(answer) {
    return ((answer.status === 429 || answer.status === 503) && !ours(answer)) ||
      (answer.status === 429 && answer.body.error === 'too_many_requests');
  }
  // AWS WAF at the edge wants proof of a browser first: its Challenge answers 202 and its CAPTCHA 405,
  // both with x-amzn-waf-action and an HTML page that fetch() cannot solve. Never our answer (ours
  // are JSON; our only 202 carries a challenge id), never "code sent", never "not affected".
  function edgeCheck(answer) {
    return answer.wafAction === 'challenge' || answer.wafAction === 'captcha' ||
      ((answer.status === 202 || answer.status === 405) && !ours(answer) && typeof answer.body.challengeId !== 'string');
  }
  function busyText(answer) {
    return fill(t(ours(answer) ? 'busy' : 'serviceBusy'), { m: minutes(answer) });
  }

  // The challenge waiting for its code survives a reload (the edge's check asks for one), so that the
  // person does not have to ask for, and wait for, another code. This tab only; never the contact.
  var PENDING = 'breach-notice.pendingChallenge';
  function remember(challengeId, expiresAt) {
    try { sessionStorage.setItem(PENDING, JSON.stringify({ id: challengeId, expiresAt: expiresAt })); } catch (e) { /* storage off */ }
  }
  function forget() {
    try { sessionStorage.removeItem(PENDING); } catch (e) { /* storage off */ }
  }
  function pending() {
    try {
      var kept = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
      return kept && typeof kept.id === 'string' && Date.parse(kept.expiresAt) > Date.now() ? kept.id : null;
    } catch (e) { return null; }
  }

  function busy(button, on) { button.disabled = on; button.setAttribute('aria-busy', on ? 'true' : 'false'); }

  function showCodeStep(challengeId) {
    state.challengeId = challengeId;
    $('contact-form').hidden = true;
    $('code-form').hidden = false;
    $('code').focus();
  }

  function showContactStep() {
    state.challengeId = null;
    forget();
    $('code-form').hidden = true;
    $('contact-form').hidden = false;
    $('code').value = '';
    $('contact').focus();
  }

  function onStart(event) {
    event.preventDefault();
    var contact = $('contact').value.trim();
    if (!contact) { say(t('needContact')); $('contact').focus(); return; }
    state.report = null;
    renderReport();
    busy($('start-check'), true);
    say(t('sending'));
    post('/v1/challenges', { contact: contact, lang: state.lang }).then(function (answer) {
      if (edgeCheck(answer)) {
        say(t('edgeCheck'));
      } else if (tooBusy(answer)) {
        say(busyText(answer));
      } else if (answer.status === 202) {
        remember(answer.body.challengeId, answer.body.expiresAt);
        say(t('codeAsked'));
        showCodeStep(answer.body.challengeId);
      } else if (answer.status === 503 && answer.body.error === 'busy') {
        say(fill(t('codesBusy'), { time: formatTime(answer.body.retryAt) }));
      } else if (answer.status === 400) {
        say(t('invalidContact'));
        $('contact').focus();
      } else if (answer.status === 429 && answer.body.error === 'rate_limited') {
        say(t('rateLimited'));
      } else {
        say(t('failed'));
      }
    }, function () { say(t('failed')); }).then(function () { busy($('start-check'), false); });
  }

  function onVerify(event) {
    event.preventDefault();
    var code = $('code').value.replace(/\s+/g, '');
    if (!/^[0-9]{6}$/.test(code) || !state.challengeId) { say(t('needCode')); $('code').focus(); return; }
    busy($('verify-code'), true);
    say(t('sending'));
    post('/v1/challenges/' + encodeURIComponent(state.challengeId) + '/verify', { code: code }).then(function (answer) {
      if (edgeCheck(answer)) {
        say(t('edgeCheck'));
      } else if (tooBusy(answer)) {
        say(busyText(answer));
      } else if (answer.status === 200) {
        state.report = answer.body;
        say('');
        $('code-form').hidden = true;
        $('contact-form').hidden = false;
        $('contact').value = '';
        state.challengeId = null;
        forget();
        renderReport();
        $('result').focus();
      } else if (answer.status === 401) {
        say(fill(t('wrongCode'), { n: answer.body.attemptsLeft }));
        $('code').select();
      } else if (answer.status === 429) {
        say(t('tooMany'));
        showContactStep();
      } else if (answer.status === 410) {
        say(t('expired'));
        showContactStep();
      } else if (answer.status === 400) {
        say(t('needCode'));
      } else {
        say(t('failed'));
      }
    }, function () { say(t('failed')); }).then(function () { busy($('verify-code'), false); });
  }

  function onReference(event) {
    event.preventDefault();
    var output = $('reference-result');
    var reference = $('reference').value.trim();
    if (!reference) { output.textContent = t('needReference'); return; }
    busy($('check-reference'), true);
    post('/v1/notices/verify', { reference: reference }).then(function (answer) {
      if (edgeCheck(answer)) {
        output.textContent = t('edgeCheck');
      } else if (tooBusy(answer)) {
        output.textContent = busyText(answer);
      } else if (answer.status === 200 && answer.body.genuine) {
        output.textContent = fill(t('referenceGenuine'), {
          title: answer.body.title,
          channel: t('channel')[answer.body.channel] || answer.body.channel,
          sentAt: formatTime(answer.body.sentAt)
        }) + (answer.body.recipient ? ' ' + fill(t('referenceRecipient'), { recipient: answer.body.recipient }) : '');
      } else if (answer.status === 200) {
        output.textContent = t('referenceFake');
      } else if (answer.status === 400) {
        output.textContent = t('referenceInvalid');
      } else {
        output.textContent = t('failed');
      }
    }, function () { output.textContent = t('failed'); }).then(function () { busy($('check-reference'), false); });
  }

  function loadIncident() {
    fetch('/v1/incident', { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) { throw new Error('incident ' + response.status); }
      return response.json();
    }).then(function (incident) {
      state.incident = incident;
      applyLanguage();
    }, function () {
      state.incidentFailed = true;
      renderIncident();
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('lang-toggle').addEventListener('click', function () {
      state.lang = state.lang === 'ko' ? 'en' : 'ko';
      applyLanguage();
    });
    $('contact-form').addEventListener('submit', onStart);
    $('code-form').addEventListener('submit', onVerify);
    $('restart').addEventListener('click', function () { say(''); showContactStep(); });
    $('reference-form').addEventListener('submit', onReference);
    applyLanguage();
    loadIncident();
    var kept = pending();
    if (kept) { showCodeStep(kept); }
  });
}());
