<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>Inbox</name>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="49"/>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="50"/>
        <source>Paused</source>
        <translation>متوقف مؤقتًا</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="51"/>
        <source>Needs reconnecting</source>
        <translation>يحتاج إلى إعادة ربط</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="64"/>
        <source>Reconnect %1</source>
        <translation>إعادة ربط %1</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="65"/>
        <source>Connect an X account</source>
        <translation>ربط حساب على X</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="75"/>
        <source>Sign in with X in the browser</source>
        <translation>تسجيل الدخول عبر X في المتصفح</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="79"/>
        <source>Check these keys</source>
        <translation>تحقق من هذه المفاتيح</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="83"/>
        <source>Client ID</source>
        <translation>معرّف العميل (Client ID)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="84"/>
        <source>Client secret (confidential apps only)</source>
        <translation>سر العميل (للتطبيقات السرية فقط)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="88"/>
        <source>API key</source>
        <translation>مفتاح API</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="88"/>
        <source>API key secret</source>
        <translation>سر مفتاح API</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="88"/>
        <source>Access token</source>
        <translation>رمز الوصول</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="89"/>
        <source>Access token secret</source>
        <translation>سر رمز الوصول</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="93"/>
        <source>Sign in with X (OAuth 2.0)</source>
        <translation>تسجيل الدخول عبر X ‏(OAuth 2.0)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="94"/>
        <source>Paste keys (OAuth 1.0a)</source>
        <translation>لصق المفاتيح (OAuth 1.0a)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="107"/>
        <source>Reconnect</source>
        <translation>إعادة الربط</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="107"/>
        <source>Connect</source>
        <translation>ربط</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="112"/>
        <source>Name in Community Inbox</source>
        <translation>الاسم في صندوق الوارد</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="113"/>
        <source>X API address</source>
        <translation>عنوان واجهة X البرمجية</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="139"/>
        <source>Could not connect: %1</source>
        <translation>تعذّر الربط: %1</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="146"/>
        <source>Enter the app's Client ID from the X developer portal.</source>
        <translation>أدخل معرّف العميل للتطبيق من بوابة مطوري X.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="151"/>
        <source>Waiting for you to approve Community Inbox on X…</source>
        <translation>بانتظار موافقتك على صندوق وارد المجتمع في X…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="158"/>
        <source>All four keys are needed.</source>
        <translation>المفاتيح الأربعة كلها مطلوبة.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="161"/>
        <source>Checking the keys with X…</source>
        <translation>نتحقق من المفاتيح مع X…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="177"/>
        <source>X accepted these credentials: mentions, replies and DMs will work.</source>
        <translation>قبل X بيانات الاعتماد هذه: الإشارات والردود والرسائل الخاصة ستعمل.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="180"/>
        <source>X accepted these credentials, but DMs will not work.</source>
        <translation>قبل X بيانات الاعتماد هذه، لكن الرسائل الخاصة لن تعمل.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="200"/>
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="211"/>
        <source>X accounts</source>
        <translation>حسابات X</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="217"/>
        <location filename="../../ui/rule_editor.py" line="288"/>
        <location filename="../../ui/saved_replies_dialog.py" line="63"/>
        <location filename="../../ui/saved_reply_form.py" line="174"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="217"/>
        <source>Handle</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="217"/>
        <location filename="../../ui/rule_editor.py" line="60"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="218"/>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="227"/>
        <source>Connect an account…</source>
        <translation>ربط حساب…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="228"/>
        <source>Reconnect…</source>
        <translation>إعادة الربط…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="229"/>
        <location filename="../../ui/accounts_dialog.py" line="271"/>
        <source>Pause</source>
        <translation>إيقاف مؤقت</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="230"/>
        <source>Remove…</source>
        <translation>إزالة…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="271"/>
        <source>Resume</source>
        <translation>استئناف</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="285"/>
        <source>paused by an admin</source>
        <translation>أوقفه المشرف مؤقتًا</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="295"/>
        <source>Remove account</source>
        <translation>إزالة الحساب</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="296"/>
        <source>Remove %1? Its conversations leave the inbox and its keys are deleted from this computer's keyring.</source>
        <translation>إزالة %1؟ ستخرج محادثاته من صندوق الوارد وتُحذف مفاتيحه من سلسلة مفاتيح هذا الجهاز.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="76"/>
        <location filename="../../ui/main_window.py" line="142"/>
        <source>Community Inbox</source>
        <translation>صندوق وارد المجتمع</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="77"/>
        <source>No X account is connected yet.</source>
        <translation>لم يُربط أي حساب على X بعد.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="79"/>
        <source>Explore the built-in demo: a local copy of X sends realistic public replies and direct messages in Arabic and English. Or connect the team's X account now.</source>
        <translation>جرّب العرض التجريبي المدمج: نسخة محلية من X ترسل ردودًا عامة ورسائل خاصة واقعية بالعربية والإنجليزية. أو اربط حساب الفريق على X الآن.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="81"/>
        <source>Open the demo</source>
        <translation>فتح العرض التجريبي</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="82"/>
        <source>Connect an X account…</source>
        <translation>ربط حساب على X…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="83"/>
        <source>Continue without</source>
        <translation>المتابعة بدونه</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_dialog.py" line="66"/>
        <location filename="../../ui/dashboard_window.py" line="199"/>
        <source>Business hours</source>
        <translation>ساعات العمل</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_dialog.py" line="74"/>
        <source>Time zone</source>
        <translation>المنطقة الزمنية</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_dialog.py" line="80"/>
        <source>closed</source>
        <translation>مغلق</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_dialog.py" line="84"/>
        <source>Several slots a day: 09:00-13:00, 14:00-18:00. Leave empty for a day off.</source>
        <translation>يمكن إدخال أكثر من فترة في اليوم، مثل: 09:00-13:00, 14:00-18:00. اتركه فارغًا ليوم العطلة.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_dialog.py" line="89"/>
        <source>Holidays</source>
        <translation>العطلات</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_dialog.py" line="98"/>
        <source>Add holiday</source>
        <translation>إضافة عطلة</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_dialog.py" line="100"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_dialog.py" line="103"/>
        <source>Sunday to Thursday preset</source>
        <translation>من الأحد إلى الخميس</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_dialog.py" line="152"/>
        <source>%1 is not a slot like 09:00-13:00</source>
        <translation>%1 ليست فترة بصيغة 09:00-13:00</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_dialog.py" line="166"/>
        <location filename="../../ui/calendar_dialog.py" line="194"/>
        <source>Cannot save: %1</source>
        <translation>تعذّر الحفظ: %1</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_dialog.py" line="172"/>
        <source>Recomputing all history…</source>
        <translation>جارٍ إعادة حساب السجل كاملًا…</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="46"/>
        <location filename="../../ui/conversation_view.py" line="78"/>
        <location filename="../../ui/conversation_view.py" line="148"/>
        <source>Public reply</source>
        <translation>رد عام</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="47"/>
        <location filename="../../ui/conversation_view.py" line="78"/>
        <location filename="../../ui/rule_values.py" line="36"/>
        <source>Direct message</source>
        <translation>رسالة خاصة</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="53"/>
        <location filename="../../ui/composer.py" line="54"/>
        <source>Switch between public reply and DM (Ctrl+D)</source>
        <translation>التبديل بين الرد العام والرسالة الخاصة (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="55"/>
        <source>Move to DM</source>
        <translation>نقل إلى الخاص</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="57"/>
        <source>Reply publicly that we are continuing in private, then write the DM</source>
        <translation>رد علني بأننا سنكمل في الخاص، ثم اكتب الرسالة الخاصة</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="60"/>
        <source>Write a reply…</source>
        <translation>اكتب ردًا…</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="78"/>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="79"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>إرسال (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="184"/>
        <location filename="../../ui/sla_badge.py" line="36"/>
        <source>%1 left</source>
        <translation>متبقٍ %1</translation>
    </message>
    <message>
        <location filename="../../ui/composer.py" line="189"/>
        <source>Fill in %1 before sending: type over it</source>
        <translation>املأ %1 قبل الإرسال: اكتب فوقه</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="71"/>
        <source>%1 followers</source>
        <translation>المتابعون: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="73"/>
        <source>verified</source>
        <translation>موثّق</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="75"/>
        <source>on X for %1</source>
        <translation>على X منذ %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="95"/>
        <source>automatic</source>
        <translation>تلقائي</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="97"/>
        <source>sent on X</source>
        <translation>أُرسل عبر X</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="99"/>
        <source>by %1</source>
        <translation>بواسطة %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="101"/>
        <source>sent</source>
        <translation>أُرسل</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="116"/>
        <source>X does not allow this reply: the customer has not mentioned us in this thread. Send it as a DM instead.</source>
        <translation>لا يسمح X بهذا الرد: لم يُشر إلينا العميل في هذه السلسلة. أرسله رسالة خاصة بدلًا من ذلك.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="118"/>
        <source>X refused it as a duplicate of an earlier post. Change the wording and send again.</source>
        <translation>رفضه X لأنه مكرر لمنشور سابق. غيّر الصياغة وأرسله مجددًا.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="120"/>
        <source>Too long for X. Shorten it and send again.</source>
        <translation>أطول مما يسمح به X. اختصره وأرسله مجددًا.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="121"/>
        <source>X no longer accepts this account's credentials. Reconnect the account, then retry.</source>
        <translation>لم يعد X يقبل بيانات اعتماد هذا الحساب. أعد ربط الحساب ثم أعد المحاولة.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="124"/>
        <source>Not sent: %1</source>
        <translation>لم يُرسَل: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="126"/>
        <location filename="../../ui/conversation_view.py" line="136"/>
        <source>Sending…</source>
        <translation>جارٍ الإرسال…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="128"/>
        <source>Waiting: X's rate limit is reached; it goes at %1</source>
        <translation>بالانتظار: بلغنا حد الطلبات في X؛ يُرسَل الساعة %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="130"/>
        <source>Waiting: X cannot be reached; next try at %1</source>
        <translation>بالانتظار: تعذّر الوصول إلى X؛ المحاولة التالية الساعة %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="132"/>
        <source>Checking with X whether it went out…</source>
        <translation>نتحقق من X إن كان قد أُرسل…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="135"/>
        <source>Sending in %1 s</source>
        <translation>يُرسَل خلال %1 ث</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="148"/>
        <location filename="../../ui/queue_model.py" line="153"/>
        <source>DM</source>
        <translation>رسالة خاصة</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="160"/>
        <location filename="../../ui/main_window.py" line="254"/>
        <location filename="../../ui/main_window.py" line="297"/>
        <location filename="../../ui/rules_dialog.py" line="103"/>
        <location filename="../../ui/saved_replies_dialog.py" line="79"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="162"/>
        <source>Send as DM</source>
        <translation>أرسله رسالة خاصة</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="164"/>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <location filename="../../ui/conversation_view.py" line="165"/>
        <source>Discard</source>
        <translation>تجاهل</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_charts.py" line="84"/>
        <source>No messages in this period</source>
        <translation>لا توجد رسائل في هذه الفترة</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_charts.py" line="124"/>
        <source>Inbound messages per day</source>
        <translation>الرسائل الواردة يوميًا</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_charts.py" line="125"/>
        <source>Median first response</source>
        <translation>وسيط زمن أول رد</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="58"/>
        <source>Last 7 days</source>
        <translation>آخر 7 أيام</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="58"/>
        <source>Last 30 days</source>
        <translation>آخر 30 يومًا</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="59"/>
        <source>This week</source>
        <translation>هذا الأسبوع</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="59"/>
        <source>Last week</source>
        <translation>الأسبوع الماضي</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="60"/>
        <source>This year</source>
        <translation>هذه السنة</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="60"/>
        <source>Custom…</source>
        <translation>مخصص…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="116"/>
        <source>Response times</source>
        <translation>أزمنة الاستجابة</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="135"/>
        <location filename="../../ui/dashboard_window.py" line="191"/>
        <source>Agent</source>
        <translation>الموظف</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="135"/>
        <location filename="../../ui/dashboard_window.py" line="231"/>
        <source>Answered</source>
        <translation>تم الرد</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="135"/>
        <source>Median</source>
        <translation>الوسيط</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="135"/>
        <source>p90</source>
        <translation>المئين 90</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="136"/>
        <location filename="../../ui/dashboard_window.py" line="232"/>
        <location filename="../../ui/main_window.py" line="80"/>
        <location filename="../../ui/main_window.py" line="409"/>
        <location filename="../../ui/rule_values.py" line="41"/>
        <source>Resolved</source>
        <translation>تم حلها</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="136"/>
        <source>SLA hits</source>
        <translation>ضمن الهدف</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="146"/>
        <source>Inbound messages by weekday and hour</source>
        <translation>الرسائل الواردة حسب اليوم والساعة</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="182"/>
        <source>All channels</source>
        <translation>كل القنوات</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="183"/>
        <source>Public mentions</source>
        <translation>الإشارات العامة</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="184"/>
        <source>Direct messages</source>
        <translation>الرسائل الخاصة</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="189"/>
        <source>Period</source>
        <translation>الفترة</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="190"/>
        <source>Account</source>
        <translation>الحساب</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="190"/>
        <location filename="../../ui/queue_model.py" line="112"/>
        <location filename="../../ui/rule_editor.py" line="52"/>
        <location filename="../../ui/sla_dialog.py" line="57"/>
        <source>Channel</source>
        <translation>القناة</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="191"/>
        <source>Tag</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="198"/>
        <source>Wall clock</source>
        <translation>الوقت الفعلي</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="211"/>
        <source>Business hours…</source>
        <translation>ساعات العمل…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="212"/>
        <source>Export conversations…</source>
        <translation>تصدير المحادثات…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="213"/>
        <source>Export aggregates…</source>
        <translation>تصدير الإجماليات…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="214"/>
        <source>Weekly report…</source>
        <translation>التقرير الأسبوعي…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="229"/>
        <location filename="../../ui/sla_dialog.py" line="58"/>
        <source>First response</source>
        <translation>الرد الأول</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="229"/>
        <location filename="../../ui/sla_dialog.py" line="58"/>
        <source>Next response</source>
        <translation>الرد التالي</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="230"/>
        <location filename="../../ui/sla_dialog.py" line="59"/>
        <source>Resolution</source>
        <translation>الحل</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="230"/>
        <source>SLA hit rate</source>
        <translation>نسبة الالتزام بالهدف</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="231"/>
        <source>Received</source>
        <translation>الواردة</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="232"/>
        <source>Waiting now</source>
        <translation>بانتظار الرد الآن</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="247"/>
        <source>All accounts</source>
        <translation>كل الحسابات</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="248"/>
        <source>All agents</source>
        <translation>كل الموظفين</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="249"/>
        <location filename="../../ui/dashboard_window.py" line="347"/>
        <source>Replied on X</source>
        <translation>رُدّ عليها في X</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="250"/>
        <source>All tags</source>
        <translation>كل الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="294"/>
        <source>Computing…</source>
        <translation>جارٍ الحساب…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="304"/>
        <source>Recomputing all history: %1 of %2 conversations</source>
        <translation>إعادة حساب السجل كاملًا: %1 من %2 محادثة</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="309"/>
        <source>Could not compute the figures: %1</source>
        <translation>تعذّر حساب الأرقام: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="316"/>
        <source>Business hours in %1</source>
        <translation>ساعات العمل بتوقيت %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="317"/>
        <source>Computed in %1 ms</source>
        <translation>حُسبت في %1 مللي ثانية</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="320"/>
        <source>median · p90 %1</source>
        <translation>الوسيط · المئين 90: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="323"/>
        <source>%1 of %2 within target</source>
        <translation>%1 من %2 ضمن الهدف</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="326"/>
        <location filename="../../ui/dashboard_window.py" line="328"/>
        <source>conversations</source>
        <translation>محادثة</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="327"/>
        <source>first responses</source>
        <translation>أول رد</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="329"/>
        <source>conversations waiting</source>
        <translation>محادثة بانتظار الرد</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="332"/>
        <source>Oldest: waiting %1 →</source>
        <translation>الأقدم: ينتظر منذ %1 ←</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="350"/>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="379"/>
        <source>Writing %1…</source>
        <translation>جارٍ كتابة %1…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="381"/>
        <source>Wrote %1 rows to %2</source>
        <translation>كُتب %1 صفًا في %2</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="385"/>
        <source>Export conversations</source>
        <translation>تصدير المحادثات</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="396"/>
        <source>Export aggregates</source>
        <translation>تصدير الإجماليات</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="410"/>
        <source>Weekly report</source>
        <translation>التقرير الأسبوعي</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_window.py" line="424"/>
        <source>Wrote the weekly report to %1</source>
        <translation>كُتب التقرير الأسبوعي في %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <source>Needs reply</source>
        <translation>بانتظار الرد</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="78"/>
        <source>All open</source>
        <translation>كل المفتوحة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <location filename="../../ui/main_window.py" line="409"/>
        <location filename="../../ui/rule_values.py" line="40"/>
        <source>Snoozed</source>
        <translation>مؤجلة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89"/>
        <source>Snooze until</source>
        <translation>تأجيل حتى</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112"/>
        <source>1 hour</source>
        <translation>ساعة واحدة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113"/>
        <source>3 hours</source>
        <translation>3 ساعات</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <source>Tomorrow 9:00</source>
        <translation>غدًا الساعة 9:00</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115"/>
        <source>Next Monday 9:00</source>
        <translation>الاثنين القادم الساعة 9:00</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143"/>
        <source>Demo</source>
        <translation>عرض تجريبي</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>Resolve</source>
        <translation>تم الحل</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205"/>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>Reopen</source>
        <translation>إعادة فتح</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208"/>
        <source>Snooze</source>
        <translation>تأجيل</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>Select a conversation to read it.</source>
        <translation>اختر محادثة لقراءتها.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263"/>
        <source>Waiting longest</source>
        <translation>الأطول انتظارًا</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264"/>
        <source>SLA time left</source>
        <translation>الوقت المتبقي حسب اتفاقية الخدمة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <source>Sort by:</source>
        <translation>الترتيب حسب:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="295"/>
        <source>Snooze…</source>
        <translation>تأجيل…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296"/>
        <source>Check for new messages</source>
        <translation>التحقق من الرسائل الجديدة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302"/>
        <source>View</source>
        <translation>عرض</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="303"/>
        <source>Response times…</source>
        <translation>أزمنة الاستجابة…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="306"/>
        <source>Rules</source>
        <translation>القواعد</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="307"/>
        <source>Escalation rules…</source>
        <translation>قواعد التصعيد…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="309"/>
        <source>Accounts</source>
        <translation>الحسابات</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="310"/>
        <source>Manage X accounts…</source>
        <translation>إدارة حسابات X…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="312"/>
        <source>Resolve (Ctrl+E)</source>
        <translation>تم الحل (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="313"/>
        <source>Reopen (Ctrl+Shift+O)</source>
        <translation>إعادة فتح (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="314"/>
        <source>Snooze (Ctrl+Shift+S)</source>
        <translation>تأجيل (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="344"/>
        <source>Reply</source>
        <translation>الرد</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345"/>
        <source>Undo window</source>
        <translation>مهلة التراجع</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="348"/>
        <source>Off</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="348"/>
        <source>%1 seconds</source>
        <translation>%1 ثوانٍ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355"/>
        <source>Saved replies…</source>
        <translation>الردود المحفوظة…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="404"/>
        <location filename="../../ui/main_window.py" line="501"/>
        <source>Snoozed until %1</source>
        <translation>مؤجلة حتى %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="408"/>
        <location filename="../../ui/rule_values.py" line="40"/>
        <source>Open</source>
        <translation>مفتوحة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="408"/>
        <location filename="../../ui/rule_values.py" line="40"/>
        <source>Pending</source>
        <translation>معلّقة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="464"/>
        <location filename="../../ui/rules_dialog.py" line="281"/>
        <source>Undone</source>
        <translation>تم التراجع</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="481"/>
        <location filename="../../ui/rules_dialog.py" line="290"/>
        <location filename="../../ui/rules_dialog.py" line="370"/>
        <source>Could not do that: %1</source>
        <translation>تعذّر تنفيذ ذلك: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="488"/>
        <source>Conversation resolved</source>
        <translation>تم حل المحادثة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="494"/>
        <source>Conversation reopened</source>
        <translation>أُعيد فتح المحادثة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="510"/>
        <source>Choose a time…</source>
        <translation>اختيار وقت…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="546"/>
        <source>Up to date · %1</source>
        <translation>محدَّث · %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="550"/>
        <source>No account connected</source>
        <translation>لا يوجد حساب مربوط</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="653"/>
        <source>Replies waiting to be sent: %1</source>
        <translation>ردود بانتظار الإرسال: %1</translation>
    </message>
    <message>
        <location filename="../../ui/notify.py" line="74"/>
        <source>Community Inbox: %1</source>
        <translation>صندوق المجتمع: %1</translation>
    </message>
    <message>
        <location filename="../../ui/notify.py" line="76"/>
        <source>Community Inbox: %1 alerts</source>
        <translation>صندوق المجتمع: %1 تنبيهات</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="112"/>
        <source>Customer</source>
        <translation>العميل</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="112"/>
        <location filename="../../ui/rules_dialog.py" line="149"/>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="112"/>
        <source>Waiting</source>
        <translation>الانتظار</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="113"/>
        <location filename="../../ui/rule_editor.py" line="59"/>
        <location filename="../../ui/sla_dialog.py" line="57"/>
        <source>Priority</source>
        <translation>الأولوية</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="113"/>
        <location filename="../../ui/rule_editor.py" line="58"/>
        <source>Tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="113"/>
        <source>SLA</source>
        <translation>مهلة الرد</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="153"/>
        <source>Public</source>
        <translation>عام</translation>
    </message>
    <message>
        <location filename="../../ui/reply_picker.py" line="106"/>
        <source>Enter or Tab inserts, Esc closes; switch the language of the inserted reply (Ctrl+L)</source>
        <translation>Enter أو Tab للإدراج، وEsc للإغلاق؛ لتبديل لغة الرد المُدرج (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/reply_picker.py" line="206"/>
        <source>approved</source>
        <translation>معتمد</translation>
    </message>
    <message>
        <location filename="../../ui/reply_picker.py" line="319"/>
        <source>The inserted reply was edited; insert it again to change its language</source>
        <translation>عُدّل الرد المُدرج؛ أدرجه من جديد لتغيير لغته</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="42"/>
        <source>A message is received</source>
        <translation>عند وصول رسالة</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="43"/>
        <source>A customer has waited without a human reply</source>
        <translation>عند انتظار العميل دون رد من موظف</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="44"/>
        <source>An SLA target is about to be missed</source>
        <translation>عند اقتراب تجاوز مهلة الرد</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="45"/>
        <source>An SLA target is missed</source>
        <translation>عند تجاوز مهلة الرد</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="51"/>
        <source>Message text</source>
        <translation>نص الرسالة</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="53"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="54"/>
        <source>Followers</source>
        <translation>المتابعون</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="55"/>
        <source>Verified account</source>
        <translation>حساب موثّق</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="56"/>
        <source>On the VIP list</source>
        <translation>في قائمة كبار العملاء</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="57"/>
        <source>Customer handle</source>
        <translation>معرّف العميل</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="61"/>
        <source>Waiting time</source>
        <translation>مدة الانتظار</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="62"/>
        <source>Spike: many matching messages</source>
        <translation>ذروة: رسائل مطابقة كثيرة</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="68"/>
        <source>more than</source>
        <translation>أكثر من</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="68"/>
        <source>at least</source>
        <translation>على الأقل</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="70"/>
        <source>contains any of</source>
        <translation>يحتوي أيًّا من</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="70"/>
        <source>has any of</source>
        <translation>فيه أيٌّ من</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="71"/>
        <source>matches the pattern</source>
        <translation>يطابق النمط</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="72"/>
        <source>is one of</source>
        <translation>واحد من</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="73"/>
        <source>is</source>
        <translation>يساوي</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="74"/>
        <source>is not</source>
        <translation>لا يساوي</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="78"/>
        <source>is at least</source>
        <translation>على الأقل</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="78"/>
        <source>is at most</source>
        <translation>على الأكثر</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="78"/>
        <source>is above</source>
        <translation>أعلى من</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="79"/>
        <source>is below</source>
        <translation>أقل من</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="85"/>
        <source>Set priority</source>
        <translation>تعيين الأولوية</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="86"/>
        <source>Add tag</source>
        <translation>إضافة وسم</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="87"/>
        <source>Assign to</source>
        <translation>إسناد إلى</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="88"/>
        <source>Notify</source>
        <translation>تنبيه</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="89"/>
        <source>Send a webhook</source>
        <translation>إرسال Webhook</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="116"/>
        <source>Remove this condition</source>
        <translation>حذف هذا الشرط</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="185"/>
        <source>Remove this action</source>
        <translation>حذف هذا الإجراء</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="207"/>
        <source>one level higher</source>
        <translation>درجة أعلى</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="211"/>
        <source>the assignee</source>
        <translation>الموظف المسؤول</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="212"/>
        <source>supervisors</source>
        <translation>المشرفين</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="227"/>
        <source>tag, e.g. urgent</source>
        <translation>الوسم، مثل: عاجل</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="228"/>
        <source>an agent's name, or team:NAME</source>
        <translation>اسم الموظف، أو team:اسم_الفريق</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="229"/>
        <source>https://hooks.slack.com/… (kept secret)</source>
        <translation>https://hooks.slack.com/… (يبقى سرّيًا)</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="245"/>
        <source>to %1</source>
        <translation>إلى %1</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="272"/>
        <source>e.g. Refund requests</source>
        <translation>مثل: طلبات الاسترداد</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="279"/>
        <location filename="../../ui/rule_values.py" line="221"/>
        <source>min</source>
        <translation>د</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="280"/>
        <source>after</source>
        <translation>بعد</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="286"/>
        <source>all of these conditions hold</source>
        <translation>تحققت كل هذه الشروط</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="287"/>
        <source>any of these conditions holds</source>
        <translation>تحقق أيٌّ من هذه الشروط</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="289"/>
        <location filename="../../ui/rules_dialog.py" line="87"/>
        <location filename="../../ui/rules_dialog.py" line="149"/>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="290"/>
        <source>If</source>
        <translation>إذا</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="294"/>
        <source>Add a condition</source>
        <translation>إضافة شرط</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="297"/>
        <source>Then</source>
        <translation>عندها</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="300"/>
        <source>Add an action</source>
        <translation>إضافة إجراء</translation>
    </message>
    <message>
        <location filename="../../ui/rule_editor.py" line="395"/>
        <source>Not saved yet: %1</source>
        <translation>لم تُحفظ بعد: %1</translation>
    </message>
    <message>
        <location filename="../../ui/rule_values.py" line="36"/>
        <source>Public mention</source>
        <translation>إشارة علنية</translation>
    </message>
    <message>
        <location filename="../../ui/rule_values.py" line="45"/>
        <location filename="../../ui/sla_dialog.py" line="68"/>
        <source>None</source>
        <translation>بلا</translation>
    </message>
    <message>
        <location filename="../../ui/rule_values.py" line="79"/>
        <source>words or phrases, separated by commas</source>
        <translation>كلمات أو عبارات، تفصل بينها فواصل</translation>
    </message>
    <message>
        <location filename="../../ui/rule_values.py" line="80"/>
        <source>a regular expression, e.g. order\s*#?\d+</source>
        <translation>تعبير نمطي، مثل order\s*#?\d+</translation>
    </message>
    <message>
        <location filename="../../ui/rule_values.py" line="179"/>
        <source>messages in</source>
        <translation>رسائل خلال</translation>
    </message>
    <message>
        <location filename="../../ui/rule_values.py" line="181"/>
        <source>minutes</source>
        <translation>دقيقة</translation>
    </message>
    <message>
        <location filename="../../ui/rule_values.py" line="217"/>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../ui/rule_values.py" line="217"/>
        <source>no</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="71"/>
        <source>Escalation rules</source>
        <translation>قواعد التصعيد</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="87"/>
        <source>Rule</source>
        <translation>القاعدة</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="87"/>
        <source>On</source>
        <translation>مفعّلة</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="88"/>
        <source>Last fired</source>
        <translation>آخر تنفيذ</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="99"/>
        <source>New rule</source>
        <translation>قاعدة جديدة</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="101"/>
        <location filename="../../ui/saved_replies_dialog.py" line="71"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="106"/>
        <location filename="../../ui/saved_replies_dialog.py" line="72"/>
        <source>Import…</source>
        <translation>استيراد…</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="108"/>
        <location filename="../../ui/saved_replies_dialog.py" line="73"/>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="110"/>
        <source>VIP list…</source>
        <translation>قائمة كبار العملاء…</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="112"/>
        <source>SLA targets…</source>
        <translation>مهل الرد…</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="135"/>
        <source>Save rule</source>
        <translation>حفظ القاعدة</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="139"/>
        <source>Test against the last 7 days</source>
        <translation>جرّبها على آخر 7 أيام</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="149"/>
        <source>Why</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="183"/>
        <source>never</source>
        <translation>لم تُنفَّذ بعد</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="225"/>
        <source>“%1” switched on</source>
        <translation>فُعّلت «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="225"/>
        <source>“%1” switched off</source>
        <translation>أُوقفت «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="255"/>
        <source>Not saved yet: another rule is already called “%1”.</source>
        <translation>لم تُحفظ بعد: توجد قاعدة أخرى باسم «%1».</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="263"/>
        <source>“%1” saved</source>
        <translation>حُفظت «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="271"/>
        <source>“%1” deleted</source>
        <translation>حُذفت «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="306"/>
        <source>Testing…</source>
        <translation>جارٍ التجربة…</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="319"/>
        <source>It would not have matched anything in the last 7 days.</source>
        <translation>لم تكن لتطابق أي شيء في آخر 7 أيام.</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="321"/>
        <source>Matches in the last 7 days: %1 · conversations: %2</source>
        <translation>المطابقات في آخر 7 أيام: %1 · المحادثات: %2</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="338"/>
        <source>Import rules</source>
        <translation>استيراد القواعد</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="339"/>
        <location filename="../../ui/rules_dialog.py" line="362"/>
        <source>Rules (*.json)</source>
        <translation>القواعد (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="351"/>
        <source>Nothing imported: %1</source>
        <translation>لم يُستورد شيء: %1</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="356"/>
        <source>Imported %1 rules</source>
        <translation>استُوردت %1 قاعدة</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="361"/>
        <source>Export rules</source>
        <translation>تصدير القواعد</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="372"/>
        <source>Exported %1 rules</source>
        <translation>صُدّرت %1 قاعدة</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="50"/>
        <location filename="../../ui/saved_replies_dialog.py" line="179"/>
        <source>Saved replies</source>
        <translation>الردود المحفوظة</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="58"/>
        <source>Search by shortcut, name or text</source>
        <translation>ابحث بالاختصار أو الاسم أو النص</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="63"/>
        <location filename="../../ui/saved_reply_form.py" line="175"/>
        <source>Shortcut</source>
        <translation>الاختصار</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="63"/>
        <location filename="../../ui/saved_reply_form.py" line="176"/>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="63"/>
        <source>Uses</source>
        <translation>مرات الاستخدام</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="69"/>
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="70"/>
        <source>Duplicate</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="75"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="148"/>
        <source>only me</source>
        <translation>لي فقط</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="156"/>
        <source>Approved statement</source>
        <translation>بيان معتمد</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="180"/>
        <source>Discard the changes you have not saved?</source>
        <translation>تجاهل التغييرات غير المحفوظة؟</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="219"/>
        <source>New saved reply: fill in a name, a shortcut and its text.</source>
        <translation>رد محفوظ جديد: اكتب اسمًا واختصارًا ونص الرد.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="232"/>
        <source>Saved “%1”.</source>
        <translation>حُفظ «%1».</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="244"/>
        <source>Duplicated as /%1: rename it and change what differs.</source>
        <translation>نُسخ باسم ‎/%1: غيّر اسمه وعدّل ما يختلف.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="260"/>
        <source>Deleted “%1”.</source>
        <translation>حُذف «%1».</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="275"/>
        <source>Restored “%1”.</source>
        <translation>استُعيد «%1».</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="286"/>
        <source>Import saved replies</source>
        <translation>استيراد الردود المحفوظة</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="287"/>
        <location filename="../../ui/saved_replies_dialog.py" line="305"/>
        <source>Saved replies (*.json)</source>
        <translation>الردود المحفوظة (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="297"/>
        <source>Imported: %1 new, %2 updated.</source>
        <translation>تم الاستيراد: %1 جديد، و%2 محدَّث.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="303"/>
        <source>Export saved replies</source>
        <translation>تصدير الردود المحفوظة</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="314"/>
        <source>Could not write %1: %2</source>
        <translation>تعذّرت الكتابة في %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/saved_replies_dialog.py" line="317"/>
        <source>Exported %1 saved replies to %2.</source>
        <translation>صُدّر %1 من الردود المحفوظة إلى %2.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="37"/>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="37"/>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="59"/>
        <source>The reply in this language; variables: {{contact.name}}, {{contact.handle}}, {{agent.name}}, {{account.handle}}, with a fallback: {{contact.name|there}}</source>
        <translation>نص الرد بهذه اللغة؛ المتغيرات: {{contact.name}} و{{contact.handle}} و{{agent.name}} و{{account.handle}}، ومع قيمة بديلة: {{contact.name|there}}</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="75"/>
        <source>Preview for a sample customer:</source>
        <translation>معاينة لعميل نموذجي:</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="86"/>
        <source>(no text in this language)</source>
        <translation>(لا يوجد نص بهذه اللغة)</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="92"/>
        <source>X length: %1 of %2</source>
        <translation>الطول في X: %1 من %2</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="95"/>
        <source>Too long for a public reply: it can only be sent as a DM.</source>
        <translation>أطول من المسموح للرد العام: لا يُرسل إلا في رسالة خاصة.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="99"/>
        <source>May not fit a public reply: up to %1 of %2 for customers with long names.</source>
        <translation>قد لا يتسع في رد عام: يصل إلى %1 من %2 للعملاء ذوي الأسماء الطويلة.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="134"/>
        <source>Name: %1</source>
        <translation>الاسم: %1</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="136"/>
        <source>Shortcut: %1</source>
        <translation>الاختصار: %1</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="138"/>
        <source>Languages: %1</source>
        <translation>اللغات: %1</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="141"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="142"/>
        <source>%1, character %2: %3</source>
        <translation>%1، الحرف %2: %3</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="158"/>
        <source>e.g. order-dm (typed as /order-dm)</source>
        <translation>مثلاً order-dm (يُكتب ‎/order-dm)</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="162"/>
        <source>Shared with the team</source>
        <translation>مشترك مع الفريق</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="163"/>
        <source>Personal (only me)</source>
        <translation>شخصي (لي فقط)</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="164"/>
        <source>Approved statement (the wording crisis mode keeps everyone on)</source>
        <translation>بيان معتمد (الصياغة التي يلتزم بها الجميع في وضع الأزمات)</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="177"/>
        <source>Who sees it</source>
        <translation>من يراه</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="223"/>
        <source>Not used yet.</source>
        <translation>لم يُستخدم بعد.</translation>
    </message>
    <message>
        <location filename="../../ui/saved_reply_form.py" line="226"/>
        <source>Used %1 times: %2</source>
        <translation>استُخدم %1 مرة: %2</translation>
    </message>
    <message>
        <location filename="../../ui/sla_badge.py" line="34"/>
        <source>overdue %1</source>
        <translation>متأخر %1</translation>
    </message>
    <message>
        <location filename="../../ui/sla_dialog.py" line="48"/>
        <source>SLA targets</source>
        <translation>مهل الرد</translation>
    </message>
    <message>
        <location filename="../../ui/sla_dialog.py" line="52"/>
        <source>How long a customer may wait, in minutes. The badge in the queue turns amber inside the warning window and red once a target is missed.</source>
        <translation>أقصى مدة يمكن أن ينتظرها العميل، بالدقائق. تتحول الشارة في قائمة المحادثات إلى الكهرماني عند الاقتراب من المهلة وإلى الأحمر عند تجاوزها.</translation>
    </message>
    <message>
        <location filename="../../ui/sla_dialog.py" line="85"/>
        <source>Warn when this much of a target has passed:</source>
        <translation>نبّه عند مرور هذه النسبة من المهلة:</translation>
    </message>
    <message>
        <location filename="../../ui/sla_dialog.py" line="114"/>
        <source>VIP list</source>
        <translation>قائمة كبار العملاء</translation>
    </message>
    <message>
        <location filename="../../ui/sla_dialog.py" line="117"/>
        <source>X handles of customers to treat as VIPs, one per line (with or without @).</source>
        <translation>معرّفات عملاء X الذين يُعامَلون ككبار العملاء، معرّف في كل سطر (مع @ أو بدونها).</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="40"/>
        <location filename="../../ui/text.py" line="93"/>
        <source>%1d %2h</source>
        <translation>%1 ي %2 س</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="42"/>
        <location filename="../../ui/text.py" line="95"/>
        <source>%1h %2m</source>
        <translation>%1 س %2 د</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="44"/>
        <source>%1m</source>
        <translation>%1 د</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="45"/>
        <source>now</source>
        <translation>الآن</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="52"/>
        <source>%1 years</source>
        <translation>%1 سنة</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="54"/>
        <source>%1 months</source>
        <translation>%1 شهر</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="55"/>
        <source>%1 days</source>
        <translation>%1 يوم</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="61"/>
        <source>Low</source>
        <translation>منخفضة</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="62"/>
        <source>Medium</source>
        <translation>متوسطة</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="63"/>
        <source>High</source>
        <translation>عالية</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="64"/>
        <source>Urgent</source>
        <translation>عاجلة</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="97"/>
        <source>%1m %2s</source>
        <translation>%1 د %2 ث</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="98"/>
        <source>%1s</source>
        <translation>%1 ث</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="105"/>
        <source>%1%</source>
        <translation>%1٪</translation>
    </message>
    <message>
        <location filename="../../ui/urgency.py" line="34"/>
        <source>the customer waited without a human reply</source>
        <translation>انتظر العميل دون رد من موظف</translation>
    </message>
    <message>
        <location filename="../../ui/urgency.py" line="35"/>
        <source>the SLA target is close</source>
        <translation>اقتربت مهلة الرد من نهايتها</translation>
    </message>
    <message>
        <location filename="../../ui/urgency.py" line="36"/>
        <source>the SLA target was missed</source>
        <translation>تجاوزت المحادثة مهلة الرد</translation>
    </message>
    <message>
        <location filename="../../ui/urgency.py" line="46"/>
        <source>Rule “%1” fired at %2: %3</source>
        <translation>نُفّذت القاعدة «%1» الساعة %2: %3</translation>
    </message>
    <message>
        <source>It would have matched %1 times in %2 conversations:</source>
        <translation type="vanished">كانت ستطابق %1 مرة في %2 محادثة:</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="vanished">معتمد</translation>
    </message>
</context>
</TS>
