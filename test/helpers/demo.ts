// The demo sandbox's customers and agents (sandbox/conversations.ts, sandbox/demo.ts), named once for the tests.
export const LI = 'oDemo_LiLei_7fQx2mZk9pW1';
export const WANG = 'oDemo_WangFang_Yt5rE1qZ8';
export const HAN = 'oDemo_HanMeimei_3vNc8aLr';
export const TOM = 'oDemo_Tom_Lk2pQ9xW4sEd6u';
export const ZHOU = 'oDemo_ZhouJie_Qw9eR3tY5u';
export const ZHAO = 'oDemo_ZhaoQiang_Pm4kU7bV';
export const ALICE = 'alice@sandbox_oa';
export const BOB = 'bob@sandbox_oa';
